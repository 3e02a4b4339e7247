using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Graph;

namespace Zygo.Engine.Generation;

/// <summary>A workflow proposed from a prompt, in the pinned contract <c>{name, description, nodes, edges}</c>.</summary>
public sealed record GeneratedWorkflow(string Name, string Description, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public WorkflowGraph Graph => new(Nodes, Edges);

    public JsonArray NodesJson => JsonSerializer.SerializeToNode(Nodes, EngineJson.Options)!.AsArray();

    public JsonArray EdgesJson => JsonSerializer.SerializeToNode(Edges, EngineJson.Options)!.AsArray();

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["description"] = Description,
        ["nodes"] = NodesJson,
        ["edges"] = EdgesJson,
    };
}
