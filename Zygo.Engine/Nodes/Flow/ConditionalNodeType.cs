using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>
/// Routes the flow by conditions. Modes <c>all</c> and <c>any</c> fire handle <c>true</c> or <c>false</c>; mode
/// <c>custom</c> fires the id of the first condition that holds, else <c>defaultBranch</c> (none when it is empty).
/// Every condition is evaluated (and reported) even after one decided, so a broken pattern fails every run, not
/// only the runs whose data reach it. The output is
/// <c>{ "branch": handle or null, "results": [{ id, variable, operator, expected, actual, result }], "data": input }</c>:
/// <c>data</c> passes the input on, <c>results</c> shows why the branch was taken (values read from the tenant's
/// variables are shown as <c>***</c>).
/// </summary>
public sealed class ConditionalNodeType : NodeType<ConditionalConfig>
{
    private const string Hidden = "***";

    public override string Id => "conditional";
    public override string Label => "Conditional";
    public override NodeCategory Category => NodeCategory.FlowControl;
    public override string Icon => "GitBranch";
    public override string Color => FlowControl.Color;
    public override string Description => "Branch workflow based on conditions";

    protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, ConditionalConfig config, CancellationToken cancellationToken)
    {
        var conditions = config.Conditions ?? [];
        if (conditions.Count == 0)
        {
            throw new NodeFailedException($"'{context.Node.DisplayName}' has no conditions: add at least one.");
        }

        var holds = new bool[conditions.Count];
        var results = new JsonArray();
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = conditions[i] ?? throw new NodeFailedException(
                $"Condition {i + 1} of '{context.Node.DisplayName}' is empty: give it a variable and an operator.");
            if (config.EvaluationMode == EvaluationMode.Custom && string.IsNullOrWhiteSpace(condition.Id))
            {
                throw new NodeFailedException(
                    $"Condition {i + 1} of '{context.Node.DisplayName}' has no id: in custom mode the id names the output handle it fires.");
            }

            var subject = $"{condition.Describe(i)} of '{context.Node.DisplayName}'";
            var raw = ValueLookup.RawCondition(context, i);
            var rawVariable = raw?["variable"];
            if (!ValueLookup.TryResolve(rawVariable, context, out var actual))
            {
                context.Log($"The variable '{TemplateResolver.AsText(rawVariable)}' of {subject} was not found; it counts as empty.");
            }

            holds[i] = ConditionEvaluator.Holds(condition.Operator, actual, condition.Value, subject);
            results.Add(new JsonObject
            {
                ["id"] = condition.Id,
                ["variable"] = rawVariable?.DeepClone(),
                ["operator"] = JsonSerializer.SerializeToNode(condition.Operator, EngineJson.Options),
                ["expected"] = ValueLookup.ReadsEnv(raw?["value"], context.Scope) ? Hidden : condition.Value,
                ["actual"] = ValueLookup.ReadsEnv(rawVariable, context.Scope) ? Hidden : actual,
                ["result"] = holds[i],
            });
        }

        var branch = config.EvaluationMode == EvaluationMode.Custom
            ? conditions.Where((_, i) => holds[i]).Select(c => c.Id).FirstOrDefault() ?? NullIfEmpty(config.DefaultBranch)
            : ConditionEvaluator.Combine(conditions, holds, config.EvaluationMode == EvaluationMode.All) ? "true" : "false";

        var output = new JsonObject
        {
            ["branch"] = branch,
            ["results"] = results,
            ["data"] = context.Input?.DeepClone(),
        };
        return Task.FromResult(branch is null ? NodeOutcome.Branch(output) : NodeOutcome.Branch(output, branch));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
