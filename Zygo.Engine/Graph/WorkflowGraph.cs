using System.Text.Json;

namespace Zygo.Engine.Graph;

/// <summary>The nodes and edges of one workflow version, with the lookups the validator and runner need.</summary>
public sealed class WorkflowGraph
{
    private readonly Dictionary<string, GraphNode> _byId;
    private readonly ILookup<string, GraphEdge> _outgoing;
    private readonly ILookup<string, GraphEdge> _incoming;

    public WorkflowGraph(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
        _byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        _outgoing = edges.ToLookup(e => e.Source);
        _incoming = edges.ToLookup(e => e.Target);
    }

    public IReadOnlyList<GraphNode> Nodes { get; }
    public IReadOnlyList<GraphEdge> Edges { get; }

    public GraphNode? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<GraphEdge> Outgoing(string nodeId) => _outgoing[nodeId];

    public IEnumerable<GraphEdge> Incoming(string nodeId) => _incoming[nodeId];

    /// <summary>Reads the stored JSON arrays; throws <see cref="JsonException"/> when they are not a graph.</summary>
    public static WorkflowGraph Parse(string nodesJson, string edgesJson) =>
        new(JsonSerializer.Deserialize<List<GraphNode>>(nodesJson, EngineJson.Options) ?? [],
            JsonSerializer.Deserialize<List<GraphEdge>>(edgesJson, EngineJson.Options) ?? []);
}
