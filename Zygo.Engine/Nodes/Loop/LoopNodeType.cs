using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Loop;

/// <summary>
/// Runs its body once per item (for_each), per count, or while a condition allows, sequentially or with bounded
/// parallelism; then continues on its <c>done</c> handle with every iteration's result, in item order.
/// </summary>
public sealed class LoopNodeType : NodeType<LoopConfig>
{
    public const string DoneHandle = "done";
    private const string BreakField = "breakCondition";
    private const string ContinueField = "continueCondition";

    public override string Id => "loop";
    public override string Label => "Loop";
    public override NodeCategory Category => NodeCategory.FlowControl;
    public override string Icon => "Repeat";
    public override string Color => "#0EA5E9";
    public override string Description => "Iterate over data (for-each, while, count)";

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, LoopConfig config, CancellationToken ct)
    {
        if (config.MaxIterations < 1)
        {
            throw new NodeFailedException("maxIterations must be at least 1.");
        }

        var body = context.Body ?? throw new NodeFailedException("The loop has nothing wired to its 'body' handle.");
        var results = new List<JsonNode?>();
        var stop = new LoopStop();
        if (config.LoopType == LoopType.ForEach && config.ParallelExecution)
        {
            results.AddRange(await RunParallelAsync(context, config, body, Items(context, config), ct));
        }
        else
        {
            await RunSequentialAsync(context, config, body, results, stop, ct);
        }

        var output = new JsonObject
        {
            ["results"] = new JsonArray(results.Select(r => r?.DeepClone()).ToArray()),
            ["iterations"] = results.Count,
            ["stoppedEarly"] = stop.Broken,
        };
        return NodeOutcome.Branch(output, DoneHandle);
    }

    private static async Task RunSequentialAsync(NodeContext context, LoopConfig config, IBodyRunner body,
        List<JsonNode?> results, LoopStop stop, CancellationToken ct)
    {
        var items = config.LoopType == LoopType.ForEach ? Items(context, config) : null;
        var count = config.LoopType == LoopType.Count ? Count(config) : int.MaxValue;
        JsonNode? last = null;
        for (var index = 0; index < config.MaxIterations; index++)
        {
            if (items is not null && index >= items.Count || index >= count)
            {
                return;
            }

            var item = items is not null ? items[index] : JsonValue.Create(index);
            var vars = Vars(config, item, index, last);
            if (config.LoopType == LoopType.While && Truthy(context, BreakField, vars))
            {
                stop.Broken = true;
                return;
            }

            if (Truthy(context, ContinueField, vars))
            {
                continue;
            }

            last = await body.RunIterationAsync(item, vars, index, ct);
            results.Add(last);
            if (config.LoopType != LoopType.While && Truthy(context, BreakField, Vars(config, item, index, last)))
            {
                stop.Broken = true;
                return;
            }
        }

        if (config.LoopType is LoopType.While or LoopType.DoWhile)
        {
            context.Log($"Stopped at maxIterations ({config.MaxIterations}).");
        }
    }

    /// <summary>for_each in parallel: at most maxParallel iterations at once; results keep the items' order.</summary>
    private static async Task<JsonNode?[]> RunParallelAsync(NodeContext context, LoopConfig config, IBodyRunner body,
        JsonArray items, CancellationToken ct)
    {
        var total = Math.Min(items.Count, config.MaxIterations);
        var results = new JsonNode?[total];
        var skipped = new bool[total];
        await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, config.MaxParallel), CancellationToken = ct },
            async (index, token) =>
            {
                var vars = Vars(config, items[index], index, null);
                if (Truthy(context, ContinueField, vars))
                {
                    skipped[index] = true;
                    return;
                }

                results[index] = await body.RunIterationAsync(items[index]?.DeepClone(), vars, index, token);
            });
        return results.Where((_, i) => !skipped[i]).ToArray();
    }

    private static JsonArray Items(NodeContext context, LoopConfig config)
    {
        var source = config.DataSource is JsonValue v && v.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text)
            ? context.Input
            : config.DataSource ?? context.Input;
        return source switch
        {
            JsonArray array => array,
            JsonObject obj when obj["items"] is JsonArray items => items,
            null => throw new NodeFailedException("dataSource resolved to nothing: there is nothing to iterate over."),
            _ => throw new NodeFailedException(
                $"dataSource must be an array to iterate over; it is {source.GetValueKind().ToString().ToLowerInvariant()}."),
        };
    }

    private static int Count(LoopConfig config) => config.DataSource switch
    {
        null => config.MaxIterations,
        JsonValue v when v.TryGetValue<int>(out var n) && n >= 0 => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, out var n) && n >= 0 => n,
        JsonValue v when v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s) => config.MaxIterations,
        _ => throw new NodeFailedException($"A count loop needs a whole number as dataSource, not {config.DataSource.ToJsonString()}."),
    };

    private static JsonObject Vars(LoopConfig config, JsonNode? item, int index, JsonNode? last)
    {
        var vars = new JsonObject
        {
            [config.IteratorVariable] = item?.DeepClone(),
            ["index"] = index,
        };
        if (last is not null)
        {
            vars["last"] = last.DeepClone();
        }

        return vars;
    }

    /// <summary>
    /// Resolves a condition with this iteration's variables, from the raw config (the bound config was resolved once,
    /// before any iteration): true, a non-zero number, or text other than "", "false" and "0".
    /// </summary>
    private static bool Truthy(NodeContext context, string field, JsonObject vars)
    {
        var raw = context.Node.Config[field] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        return TemplateResolver.ResolveValue(raw, context.Scope.WithVars(vars)) switch
        {
            null => false,
            JsonValue b when b.GetValueKind() is JsonValueKind.True => true,
            JsonValue b when b.GetValueKind() is JsonValueKind.False => false,
            JsonValue n when n.TryGetValue<double>(out var d) => d != 0,
            JsonValue s when s.TryGetValue<string>(out var str) => str.Length > 0 && str != "false" && str != "0",
            _ => true,
        };
    }

    private sealed class LoopStop
    {
        public bool Broken { get; set; }
    }
}
