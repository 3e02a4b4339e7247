using System.Text.Json;
using Zygo.Engine.Graph;
using Zygo.Engine.Validation;

namespace Zygo.Web.Components.Editor;

/// <summary>The engine's validation of the graph on the canvas: messages per node for the badges, and the whole list.</summary>
public sealed record EditorProblems(IReadOnlyDictionary<string, string[]> ByNode, IReadOnlyList<ValidationProblem> All)
{
    public static readonly EditorProblems None = new(new Dictionary<string, string[]>(), []);

    public static EditorProblems Check(GraphValidator validator, string nodesJson, string edgesJson)
    {
        IReadOnlyList<ValidationProblem> problems;
        try
        {
            problems = validator.Validate(WorkflowGraph.Parse(nodesJson, edgesJson));
        }
        catch (JsonException ex)
        {
            problems = [new ValidationProblem("malformed", $"The graph cannot be read: {ex.Message}")];
        }

        var byNode = problems.Where(p => p.NodeId is not null)
            .GroupBy(p => p.NodeId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        return new EditorProblems(byNode, problems);
    }

    public IReadOnlyList<string> For(string nodeId) => ByNode.TryGetValue(nodeId, out var messages) ? messages : [];
}
