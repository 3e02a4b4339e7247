using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Validation;

namespace Zygo.Engine.Execution.Service;

/// <summary>
/// Parsing and validating a graph cost more than the rest of starting a short run, and a workflow runs many times
/// between edits: so each (workflow, concurrency stamp) is prepared once. The stamp changes on every save, so an
/// edited workflow is prepared afresh, on this instance or any other.
/// </summary>
public sealed class PreparedGraphCache(GraphValidator validator, NodeTypeRegistry registry)
{
    /// <summary>Enough for every workflow a busy tenant runs; past it the cache starts over rather than grow.</summary>
    private const int Capacity = 1024;

    private static readonly IReadOnlySet<string> NoVariables = new HashSet<string>();

    private readonly ConcurrentDictionary<(Guid Workflow, Guid Stamp), PreparedGraph> _prepared = new();

    /// <summary>The prepared graph of a stored workflow; null when the stored JSON is not a graph.</summary>
    public PreparedGraph? Get(Guid workflowId, Guid concurrencyStamp, string nodes, string edges)
    {
        if (_prepared.TryGetValue((workflowId, concurrencyStamp), out var cached))
        {
            return cached;
        }

        if (Prepare(nodes, edges) is not { } prepared)
        {
            return null;
        }

        if (_prepared.Count >= Capacity)
        {
            _prepared.Clear();
        }

        _prepared[(workflowId, concurrencyStamp)] = prepared;
        return prepared;
    }

    /// <summary>Parses and checks a graph without caching it (a stored version, a graph from a request).</summary>
    public PreparedGraph? Prepare(string nodes, string edges)
    {
        WorkflowGraph graph;
        try
        {
            graph = WorkflowGraph.Parse(nodes, edges);
        }
        catch (JsonException)
        {
            return null;
        }

        foreach (var node in graph.Nodes)
        {
            Materialize(node.Config);
        }

        var problems = validator.Validate(graph);
        // A graph whose validation does not change when the tenant has no variables at all never needs their names.
        var checksVariableNames = validator.Validate(graph, NoVariables).Count > problems.Count;
        var configs = graph.Nodes.Select(n => (JsonNode?)(registry.Find(n.Type)?.WithDefaults(n.Config) ?? n.Config));
        return new PreparedGraph(graph, problems, checksVariableNames, TenantVariables.Referenced(configs));
    }

    /// <summary>
    /// JSON nodes read from text build their children on first access; doing that now means concurrent runs only
    /// ever read a finished tree.
    /// </summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Materialize(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Materialize(child);
                }

                break;
        }
    }
}
