using System.Text.Json.Nodes;
using Zygo.Engine.Graph;

namespace Zygo.Engine.Execution;

/// <summary>Runs the nodes wired to an AI Agent as its tools, each with the flow hanging off it.</summary>
public interface IToolRunner
{
    /// <summary>The nodes wired to the agent (either direction, except the trigger), in graph order.</summary>
    IReadOnlyList<GraphNode> Tools { get; }

    /// <summary>
    /// Runs <paramref name="tool"/> with <paramref name="arguments"/> as its input (and as <c>{{input…}}</c> in its
    /// sub-flow), then the nodes downstream of it, recording them under the agent's path with <paramref name="callName"/>
    /// (e.g. <c>Support agent[3 look_up_order]</c>); returns the output of
    /// the sub-flow's last node(s). Throws <see cref="NodeFailedException"/> when one of them fails, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> stops it.
    /// </summary>
    Task<JsonNode?> RunAsync(GraphNode tool, JsonNode? arguments, string callName, CancellationToken cancellationToken);
}
