using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Graph;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Generation.Optimization;

/// <summary>
/// The deterministic checks of workflow optimisation: HTTP calls without retries or timeout, agents allowed many
/// iterations, large models on small tasks, independent reads run one after another, tools the agent cannot tell
/// apart, and secrets typed into configs instead of kept in variables.
/// </summary>
public static partial class StaticChecks
{
    private const int ManyIterations = 15;

    /// <summary>Read-only node types: two of them in a row, the second not using the first, could run side by side.</summary>
    private static readonly HashSet<string> Reads = ["http_api", "rag_context", "memory_search", "data"];

    private static readonly HashSet<string> CallsOut = ["http_api", "data", "email"];

    public static IEnumerable<Suggestion> Run(WorkflowGraph graph)
    {
        var regions = new GraphRegions(graph);
        foreach (var node in graph.Nodes)
        {
            var policy = NodePolicy.For(node);
            if (node.Type == "http_api" && policy.Retries == 0)
            {
                yield return new Suggestion(node.Id, "reliability", "warning",
                    $"'{node.DisplayName}' calls a service without retries: a passing network error fails the run.",
                    new JsonObject { ["retries"] = 2 });
            }

            if (CallsOut.Contains(node.Type) && Number(node.Config, "timeout") <= 0)
            {
                yield return new Suggestion(node.Id, "reliability", "warning",
                    $"'{node.DisplayName}' has no timeout: a service that never answers holds the run forever.",
                    new JsonObject { ["timeout"] = 30 });
            }

            if (node.Type == GraphRegions.AgentType && Number(node.Config, "maxIterations") is > ManyIterations and var iterations)
            {
                yield return new Suggestion(node.Id, "cost", "warning",
                    $"'{node.DisplayName}' may take {iterations} model turns per request; most tasks finish in under 10.",
                    new JsonObject { ["maxIterations"] = 10 });
            }

            if (node.Type == "llm" && Text(node.Config, "model") is { } model && LargeModel().IsMatch(model) && !SmallModel().IsMatch(model))
            {
                yield return new Suggestion(node.Id, "cost", "info",
                    $"'{node.DisplayName}' uses the large model '{model}' for a single prompt; a small model (e.g. gpt-4o-mini, claude-haiku) usually does and costs a fraction.");
            }

            foreach (var field in InlineSecrets(node.Config, ""))
            {
                yield return new Suggestion(node.Id, "security", "critical",
                    $"'{node.DisplayName}' has a secret typed into '{field}': keep it in a variable and write {{{{NAME}}}} instead, so it is encrypted and never shown.");
            }
        }

        foreach (var agent in graph.Nodes.Where(n => n.Type == GraphRegions.AgentType))
        {
            foreach (var tool in GraphRegions.ToolRoots(graph, agent.Id).Select(graph.Find).OfType<GraphNode>()
                         .Where(t => string.IsNullOrWhiteSpace(t.Description)))
            {
                yield return new Suggestion(tool.Id, "reliability", "warning",
                    $"'{tool.DisplayName}' is a tool of '{agent.DisplayName}' without a description: the agent reads descriptions to choose its tools.");
            }
        }

        foreach (var edge in graph.Edges)
        {
            if (graph.Find(edge.Source) is { } first && graph.Find(edge.Target) is { } second && regions.OwnerOf(first.Id) is null
                && Reads.Contains(first.Type) && Reads.Contains(second.Type) && graph.Incoming(second.Id).Count() == 1
                && !Uses(second, first))
            {
                yield return new Suggestion(second.Id, "performance", "info",
                    $"'{second.DisplayName}' waits for '{first.DisplayName}' but does not use its result: connect both to what comes before '{first.DisplayName}' so they run in parallel.");
            }
        }
    }

    /// <summary>Whether <paramref name="node"/>'s config refers to <paramref name="other"/>'s output (by id or label).</summary>
    private static bool Uses(GraphNode node, GraphNode other) =>
        JsonStrings.All(node.Config).SelectMany(TemplateResolver.References).Any(r =>
            TemplatePath.Split(r) is { Count: > 1 } path && path[0] == "nodes" &&
            (path[1].Equals(other.Id, StringComparison.OrdinalIgnoreCase) || path[1].Equals(other.Label, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Paths of config fields named like a secret that hold a literal value rather than a {{…}} reference.</summary>
    private static IEnumerable<string> InlineSecrets(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                // A header or query entry: {"key": "Authorization", "value": "Bearer …"}.
                if (Text(obj, "key") is { } key && SecretName().IsMatch(key) && Literal(obj["value"]))
                {
                    yield return $"{path}{key}";
                }

                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue && SecretName().IsMatch(name) && Literal(value))
                    {
                        yield return path + name;
                    }
                    else
                    {
                        foreach (var inner in InlineSecrets(value, $"{path}{name}."))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in InlineSecrets(array[i], $"{path.TrimEnd('.')}[{i}]."))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static bool Literal(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0 && !TemplateResolver.HasReferences(s);

    private static string? Text(JsonObject config, string name) =>
        config[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Number(JsonObject config, string name) =>
        config[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.Deserialize<double>() : null;

    [GeneratedRegex(@"^(api[_-]?key|apikey|password|passwd|secret|client[_-]?secret|token|access[_-]?token|authorization|x-api-key)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"gpt-4|gpt-5|\bo1\b|\bo3\b|opus|sonnet|gemini-.*pro|large", RegexOptions.IgnoreCase)]
    private static partial Regex LargeModel();

    [GeneratedRegex(@"mini|nano|haiku|flash|small", RegexOptions.IgnoreCase)]
    private static partial Regex SmallModel();
}
