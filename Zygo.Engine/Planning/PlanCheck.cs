using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Planning;

/// <summary>What is wrong with a model's plan against the contract and the Planner's settings, in words the model can act on.</summary>
public static class PlanCheck
{
    public static string? Problem(JsonNode? json, PlannerConfigData config)
    {
        Plan? plan;
        try
        {
            plan = json is JsonObject obj ? obj.Deserialize<Plan>(EngineJson.Options) : null;
        }
        catch (JsonException ex)
        {
            return $"not a plan: a field has the wrong type ({ex.Path?.TrimStart('$', '.')})";
        }

        if (plan is null)
        {
            return "not a plan: reply with one JSON object {goal, requirements, constraints, steps, clarifyingQuestions, confidence}";
        }

        List<string> problems = [];
        if (string.IsNullOrWhiteSpace(plan.Goal))
        {
            problems.Add("'goal' is empty");
        }

        if (plan.Steps.Count == 0)
        {
            problems.Add("'steps' is empty");
        }

        var ids = plan.Steps.Select(s => s.Id).ToList();
        if (ids.Any(string.IsNullOrWhiteSpace) || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            problems.Add("every step needs its own non-empty 'id'");
        }

        foreach (var step in plan.Steps)
        {
            problems.AddRange(step.DependsOn.Where(d => !ids.Contains(d)).Select(d => $"step '{step.Id}' depends on '{d}', which is not a step"));
        }

        if (plan.Confidence is < 0 or > 100)
        {
            problems.Add("'confidence' must be between 0 and 100");
        }

        if (plan.Requirements.Count < config.MinRequirements)
        {
            problems.Add($"list at least {config.MinRequirements} requirement(s)");
        }

        if (plan.Constraints.Count < config.MinConstraints)
        {
            problems.Add($"list at least {config.MinConstraints} constraint(s)");
        }

        return problems.Count == 0 ? null : "not a usable plan: " + string.Join("; ", problems);
    }
}
