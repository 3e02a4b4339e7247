using System.Text.Json.Nodes;

namespace Zygo.Engine.Execution;

/// <summary>What a node produced, and for branching nodes which of its output handles fire.</summary>
public sealed record NodeOutcome(JsonNode? Output)
{
    /// <summary>Null: every outgoing edge fires. Otherwise only edges whose source handle is listed.</summary>
    public IReadOnlyList<string>? ActiveHandles { get; init; }

    public static NodeOutcome Of(JsonNode? output) => new(output);

    public static NodeOutcome Branch(JsonNode? output, params string[] handles) => new(output) { ActiveHandles = handles };

    /// <summary>Ends the flow at this node: no outgoing edge fires (a Planner waiting for answers to its questions).</summary>
    public static NodeOutcome Halt(JsonNode? output) => new(output) { ActiveHandles = [] };
}
