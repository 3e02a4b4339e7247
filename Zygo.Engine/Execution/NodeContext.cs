using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Execution;

/// <summary>Everything a node sees while it runs: itself, its input, the run's values for templates, and a log.</summary>
public sealed class NodeContext(
    GraphNode node,
    JsonNode? input,
    TemplateScope scope,
    ExecutionInfo execution,
    IServiceProvider services,
    Action<string>? log = null,
    IBodyRunner? body = null,
    IToolRunner? tools = null,
    Action<Events.ExecutionEvent>? publish = null,
    WorkflowGraph? graph = null)
{
    public GraphNode Node { get; } = node;

    /// <summary>The output of the node(s) before this one (an object keyed by label when several joined).</summary>
    public JsonNode? Input { get; } = input;

    public TemplateScope Scope { get; } = scope;
    public ExecutionInfo Execution { get; } = execution;

    /// <summary>The run's services (for node types that need the database or the tenant's variables).</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>
    /// Runs the sub-flow hanging off this node's <c>body</c> handle once (loops); null when the node owns none.
    /// </summary>
    public IBodyRunner? Body { get; } = body;

    /// <summary>Runs the nodes wired to this node as tools (AI Agents); null for other nodes.</summary>
    public IToolRunner? Tools { get; } = tools;

    /// <summary>The workflow the node runs in; null outside a run (node tests, generation).</summary>
    public WorkflowGraph? Graph { get; } = graph;

    /// <summary>
    /// A context for <paramref name="other"/> in this same run, to bind that node's config and open its model keys
    /// (audited under its id) on this node's behalf; it logs to this node's log and has no input.
    /// </summary>
    public NodeContext For(GraphNode other) => new(other, null, Scope, Execution, Services, log, graph: Graph);

    /// <summary>The node's config with every {{…}} resolved, bound to its typed record.</summary>
    public TConfig BindConfig<TConfig>() where TConfig : class, new()
    {
        var resolved = ConfigDefaults<TConfig>.Resolve(Node.Config, Scope);
        try
        {
            return resolved.Deserialize<TConfig>(EngineJson.Options) ?? new TConfig();
        }
        catch (JsonException ex)
        {
            // The serializer's message names .NET types; say which field is wrong in the config's own terms.
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            throw new NodeFailedException(field is null
                ? $"The configuration of '{Node.DisplayName}' is not valid JSON."
                : $"The configuration of '{Node.DisplayName}' has a wrong type or an unknown value in '{field}'.");
        }
    }

    /// <summary>Resolves the {{…}} references in one string.</summary>
    public string Resolve(string template) => TemplateResolver.ResolveString(template, Scope);

    /// <summary>A log line for the run's event stream and records.</summary>
    public void Log(string message) => log?.Invoke(message);

    /// <summary>
    /// Publishes an event of this node on the run's event stream (agent steps, model tokens); the run and the node
    /// are filled in. Does nothing outside a run (dry runs).
    /// </summary>
    public void Publish(Events.ExecutionEvent e) => publish?.Invoke(e);
}
