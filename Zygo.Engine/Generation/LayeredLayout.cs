using Zygo.Engine.Graph;

namespace Zygo.Engine.Generation;

/// <summary>
/// Positions for a generated graph: flow nodes in columns by their distance from the trigger, left to right; an AI
/// Agent's tools on a half circle to its right, so the agent sits in the middle of what it can call.
/// </summary>
public static class LayeredLayout
{
    private const double ColumnWidth = 300;
    private const double RowHeight = 160;
    private const double ToolRadius = 320;

    public static IReadOnlyList<GraphNode> Arrange(WorkflowGraph graph)
    {
        var regions = new GraphRegions(graph);
        var tools = regions.Owned.Where(o => graph.Find(o.Key)?.Type == GraphRegions.AgentType)
            .SelectMany(o => GraphRegions.ToolRoots(graph, o.Key).Where(o.Value.Contains).Select(t => (Tool: t, Agent: o.Key)))
            .GroupBy(p => p.Tool).ToDictionary(g => g.Key, g => g.First().Agent, StringComparer.Ordinal);

        var agentOwned = graph.Nodes.Where(n => regions.OwnerOf(n.Id) is { } owner && graph.Find(owner)?.Type == GraphRegions.AgentType)
            .Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var layers = FlowLayers(graph, agentOwned);
        var positions = new Dictionary<string, GraphPosition>(StringComparer.Ordinal);
        foreach (var column in layers.GroupBy(l => l.Value).OrderBy(g => g.Key))
        {
            var ids = column.Select(c => c.Key).ToList();
            for (var row = 0; row < ids.Count; row++)
            {
                positions[ids[row]] = new GraphPosition(80 + column.Key * ColumnWidth, 240 + (row - (ids.Count - 1) / 2.0) * RowHeight);
            }
        }

        foreach (var group in tools.GroupBy(t => t.Value))
        {
            var centre = positions.GetValueOrDefault(group.Key) ?? new GraphPosition(80, 240);
            var members = group.Select(g => g.Key).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                // Spread over the half circle facing right (-80° … +80°), one tool straight right when alone.
                var angle = members.Count == 1 ? 0 : (-80 + 160.0 * i / (members.Count - 1)) * Math.PI / 180;
                positions[members[i]] = new GraphPosition(Math.Round(centre.X + ToolRadius * Math.Cos(angle)),
                    Math.Round(centre.Y + ToolRadius * Math.Sin(angle)));
            }
        }

        // Whatever hangs off a tool continues to the right of what leads to it; anything left over goes in a row below.
        var spare = 0;
        while (graph.Nodes.FirstOrDefault(n => !positions.ContainsKey(n.Id)) is { } first)
        {
            var placed = false;
            foreach (var node in graph.Nodes.Where(n => !positions.ContainsKey(n.Id)).ToList())
            {
                if (graph.Incoming(node.Id).Select(e => positions.GetValueOrDefault(e.Source)).FirstOrDefault(p => p is not null) is { } anchor)
                {
                    positions[node.Id] = new GraphPosition(anchor.X + ColumnWidth, anchor.Y);
                    placed = true;
                }
            }

            if (!placed)
            {
                positions[first.Id] = new GraphPosition(80 + spare++ * ColumnWidth, 240 + 3 * RowHeight);
            }
        }

        return graph.Nodes.Select(n => n with { Position = positions[n.Id] }).ToList();
    }

    /// <summary>Column of each top-level node: the longest path to it from a node nothing leads to, leaving out the agents' tools.</summary>
    private static Dictionary<string, int> FlowLayers(WorkflowGraph graph, IReadOnlySet<string> agentOwned)
    {
        var isTool = (GraphEdge e) => agentOwned.Contains(e.Source) || agentOwned.Contains(e.Target);
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(graph.Nodes.Where(n => !agentOwned.Contains(n.Id) && !graph.Incoming(n.Id).Any(e => !isTool(e)))
            .Select(n => n.Id));
        foreach (var id in queue)
        {
            layers[id] = 0;
        }

        // Bounded relaxation: generated graphs are small, and a cycle must not loop forever.
        for (var steps = 0; queue.TryDequeue(out var id) && steps < graph.Nodes.Count * graph.Nodes.Count + 1; steps++)
        {
            foreach (var edge in graph.Outgoing(id).Where(e => !isTool(e) && graph.Find(e.Target) is not null))
            {
                if (layers.GetValueOrDefault(edge.Target, -1) < layers[id] + 1)
                {
                    layers[edge.Target] = layers[id] + 1;
                    queue.Enqueue(edge.Target);
                }
            }
        }

        return layers;
    }
}
