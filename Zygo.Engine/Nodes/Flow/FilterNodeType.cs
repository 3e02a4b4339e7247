using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>
/// Keeps the items of a list that meet the conditions, up to a limit, optionally only some of their fields.
/// The output is <c>{ "items": [kept], "count": kept, "removed": items not in the output }</c>.
/// </summary>
public sealed class FilterNodeType : NodeType<FilterConfig>
{
    public override string Id => "filter";
    public override string Label => "Filter";
    public override NodeCategory Category => NodeCategory.FlowControl;
    public override string Icon => "Filter";
    public override string Color => FlowControl.Color;
    public override string Description => "Filter and transform data items";

    protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, FilterConfig config, CancellationToken cancellationToken)
    {
        var name = context.Node.DisplayName;
        if (config.Limit < 0)
        {
            throw new NodeFailedException($"The limit of '{name}' is {config.Limit}: it must be 0 (no limit) or more.");
        }

        var fields = config.Fields ?? [];
        foreach (var field in fields)
        {
            RequirePath(field, $"The field '{field}' to keep in '{name}'");
        }

        var source = Source(context, config);
        var conditions = config.Conditions ?? [];
        var tests = conditions.Select((condition, i) => Test(context, condition, i)).ToArray();
        var limit = config.Limit is > 0 ? config.Limit.Value : int.MaxValue;

        var kept = new JsonArray();
        foreach (var item in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (kept.Count == limit)
            {
                break;
            }

            var holds = tests.Select(test => test(item)).ToArray();
            if (ConditionEvaluator.Combine(conditions, holds, config.EvaluationMode == FilterEvaluationMode.All))
            {
                kept.Add(fields.Count == 0 ? item?.DeepClone() : Project(item, fields));
            }
        }

        var output = new JsonObject
        {
            ["items"] = kept,
            ["count"] = kept.Count,
            ["removed"] = source.Count - kept.Count,
        };
        return Task.FromResult(NodeOutcome.Of(output));
    }

    /// <summary>The list the config names, or by default the input (when a list) or the input's <c>items</c>.</summary>
    private static JsonArray Source(NodeContext context, FilterConfig config)
    {
        var raw = context.Node.Config["items"];
        var written = TemplateResolver.AsText(raw);
        if (string.IsNullOrWhiteSpace(written))
        {
            return context.Input switch
            {
                JsonArray list => list,
                JsonObject obj when obj["items"] is JsonArray list => list,
                _ => throw new NodeFailedException(
                    $"'{context.Node.DisplayName}' has no list to filter: its input is {Kind(context.Input)}, not a list, and has no 'items' list. " +
                    "Set 'items' to the path of the list, e.g. input.rows."),
            };
        }

        if (!ValueLookup.TryResolve(raw, context, out var value))
        {
            throw new NodeFailedException($"The list to filter in '{context.Node.DisplayName}', '{written}', was not found.");
        }

        return value as JsonArray ?? throw new NodeFailedException(
            $"The list to filter in '{context.Node.DisplayName}', '{written}', is {Kind(value)}, not a list.");
    }

    /// <summary>
    /// Whether an item meets one condition. The variable is a field of the item; written with {{…}} it is the same
    /// value for every item, resolved once.
    /// </summary>
    private static Func<JsonNode?, bool> Test(NodeContext context, Condition? condition, int index)
    {
        var subject = $"{condition?.Describe(index) ?? $"condition {index + 1}"} of '{context.Node.DisplayName}'";
        if (condition is null)
        {
            throw new NodeFailedException($"The {subject} is empty: give it a variable and an operator.");
        }

        var rawVariable = ValueLookup.RawCondition(context, index)?["variable"];
        if (TemplateResolver.HasReferences(TemplateResolver.AsText(rawVariable)))
        {
            ValueLookup.TryResolve(rawVariable, context, out var constant);
            return _ => ConditionEvaluator.Holds(condition.Operator, constant, condition.Value, subject);
        }

        if (!string.IsNullOrWhiteSpace(condition.Variable))
        {
            RequirePath(condition.Variable, $"The variable '{condition.Variable}' of the {subject}");
        }

        return item => ConditionEvaluator.Holds(
            condition.Operator, ValueLookup.TryGetField(item, condition.Variable, out var actual) ? actual : null, condition.Value, subject);
    }

    private static JsonObject Project(JsonNode? item, IReadOnlyList<string> fields)
    {
        var projected = new JsonObject();
        foreach (var field in fields)
        {
            projected[field] = ValueLookup.TryGetField(item, field, out var value) ? value?.DeepClone() : null;
        }

        return projected;
    }

    private static void RequirePath(string path, string what)
    {
        if (TemplatePath.Split(path) is null)
        {
            throw new NodeFailedException($"{what} is not a field path: write names separated by dots, with [n] for list positions (e.g. address.city, tags[0]).");
        }
    }

    private static string Kind(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "empty",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "a list",
        _ => "a boolean",
    };
}
