using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Validation;

namespace Zygo.Engine.Generation;

/// <summary>
/// Reads a model's proposed workflow and lists everything wrong with it in words the model can act on: the shape of
/// the contract, unknown node types, configs that do not bind to their typed records, and every problem the
/// Engine's <see cref="GraphValidator"/> reports.
/// </summary>
public sealed class WorkflowProposal(NodeTypeRegistry registry, GraphValidator validator)
{
    public sealed record Result(GeneratedWorkflow? Workflow, IReadOnlyList<string> Problems);

    public Result Read(JsonNode? json)
    {
        if (json is not JsonObject root)
        {
            return new Result(null, ["the answer must be one JSON object {name, description, nodes, edges}"]);
        }

        if (root["nodes"] is not JsonArray || root["edges"] is not JsonArray)
        {
            return new Result(null, ["the object needs a 'nodes' array and an 'edges' array"]);
        }

        List<GraphNode> nodes;
        List<GraphEdge> edges;
        try
        {
            nodes = root["nodes"].Deserialize<List<GraphNode>>(EngineJson.Options) ?? [];
            edges = root["edges"].Deserialize<List<GraphEdge>>(EngineJson.Options) ?? [];
        }
        catch (JsonException ex)
        {
            return new Result(null, [$"the nodes or edges do not have the contract's shape ({ex.Message})"]);
        }

        List<string> problems = [];
        foreach (var bare in nodes.Where(n => n.Config is null).ToList())
        {
            problems.Add($"the config of '{bare.DisplayName}' must be a JSON object");
            nodes[nodes.IndexOf(bare)] = bare with { Config = [] };
        }

        if (nodes.Count == 0)
        {
            problems.Add("the workflow has no nodes");
        }

        var workflow = new GeneratedWorkflow(Text(root["name"], "Generated workflow"), Text(root["description"], ""), nodes,
            edges.Select((e, i) => string.IsNullOrWhiteSpace(e.Id) ? e with { Id = $"e{i + 1}" } : e).ToList());
        foreach (var node in nodes)
        {
            if (registry.Find(node.Type) is { } type && NodeConfigCheck.Problem(type, node.Config, node.DisplayName) is { } problem)
            {
                problems.Add(problem);
            }
        }

        problems.AddRange(validator.Validate(workflow.Graph).Select(p => p.Message));
        return new Result(workflow, problems);
    }

    private static string Text(JsonNode? node, string fallback) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : fallback;
}
