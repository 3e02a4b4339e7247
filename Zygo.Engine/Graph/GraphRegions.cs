namespace Zygo.Engine.Graph;

/// <summary>
/// Which nodes the flow runs at the top level and which are owned by a node that runs them itself: a loop owns
/// what hangs off its <c>body</c> handle; an AI Agent owns the nodes wired to it (its tools) and what hangs off
/// them. A node belongs to the innermost owner whose sub-graph holds it.
/// </summary>
public sealed class GraphRegions
{
    public const string LoopType = "loop";
    public const string AgentType = "ai_agent";
    public const string TriggerType = "trigger";
    public const string PlannerType = "planner";
    public const string BodyHandle = "body";

    private readonly Dictionary<string, string?> _owner = new(StringComparer.Ordinal);

    public GraphRegions(WorkflowGraph graph)
    {
        var owned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            if (node.Type == LoopType)
            {
                owned[node.Id] = Reach(graph, node.Id, graph.Outgoing(node.Id).Where(e => e.SourceHandle == BodyHandle).Select(e => e.Target));
            }
            else if (node.Type == AgentType)
            {
                owned[node.Id] = Reach(graph, node.Id, ToolRoots(graph, node.Id));
            }
        }

        foreach (var node in graph.Nodes)
        {
            _owner[node.Id] = owned.Where(o => o.Value.Contains(node.Id)).OrderBy(o => o.Value.Count).Select(o => o.Key).FirstOrDefault();
        }

        Owned = owned.ToDictionary(o => o.Key, o => (IReadOnlySet<string>)o.Value.Where(n => _owner[n] == o.Key).ToHashSet());
    }

    /// <summary>For each loop and agent, the nodes it runs itself (innermost ownership).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Owned { get; }

    /// <summary>The owning loop or agent, or null for the top level.</summary>
    public string? OwnerOf(string nodeId) => _owner.GetValueOrDefault(nodeId);

    public IEnumerable<string> TopLevel => _owner.Where(o => o.Value is null).Select(o => o.Key);

    /// <summary>
    /// Nodes wired to the agent in either direction, except the trigger that starts it and a planner leading into it
    /// (the planner runs first and hands the agent its plan).
    /// </summary>
    public static IEnumerable<string> ToolRoots(WorkflowGraph graph, string agentId) =>
        graph.Outgoing(agentId).Select(e => e.Target)
            .Concat(graph.Incoming(agentId).Where(e => graph.Find(e.Source)?.Type is not (TriggerType or PlannerType)).Select(e => e.Source))
            .Where(id => id != agentId)
            .Distinct();

    /// <summary>The nodes reachable from <paramref name="roots"/> along edges, never entering <paramref name="ownerId"/>.</summary>
    public static HashSet<string> Reach(WorkflowGraph graph, string ownerId, IEnumerable<string> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(roots.Where(r => r != ownerId));
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            foreach (var edge in graph.Outgoing(id))
            {
                if (edge.Target != ownerId && !seen.Contains(edge.Target))
                {
                    queue.Enqueue(edge.Target);
                }
            }
        }

        return seen;
    }
}
