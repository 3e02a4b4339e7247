using System.Text.Json.Nodes;

namespace Zygo.Engine.Execution;

/// <summary>Runs the nodes a loop owns (those after its <c>body</c> handle) for one iteration.</summary>
public interface IBodyRunner
{
    /// <summary>
    /// Runs one iteration with <paramref name="item"/> as the body's input and <paramref name="vars"/> added to
    /// the template variables; returns the output of the body's last node(s). Throws
    /// <see cref="NodeFailedException"/> when a body node fails.
    /// </summary>
    Task<JsonNode?> RunIterationAsync(JsonNode? item, JsonObject vars, int index, CancellationToken cancellationToken);
}
