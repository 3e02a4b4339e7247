using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Planning;

/// <summary>A Planner's plan: what is to be achieved, under which requirements and constraints, in which steps.</summary>
public sealed record Plan
{
    public string Goal { get; init; } = "";
    public IReadOnlyList<string> Requirements { get; init; } = [];
    public IReadOnlyList<string> Constraints { get; init; } = [];
    public IReadOnlyList<PlanStep> Steps { get; init; } = [];

    /// <summary>What the planner needs to know from the person before the plan can be trusted.</summary>
    public IReadOnlyList<string> ClarifyingQuestions { get; init; } = [];

    /// <summary>How sure the planner is of the plan, 0 to 100.</summary>
    public int Confidence { get; init; }

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, EngineJson.Options)!.AsObject();

    /// <summary>The plan in a node's input (<c>plan</c>), or null when there is none or it is not a plan.</summary>
    public static Plan? From(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        try
        {
            return obj.Deserialize<Plan>(EngineJson.Options) is { Goal.Length: > 0 } plan ? plan : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The plan as instructions for the model that carries it out, strict or not by <paramref name="authority"/>.</summary>
    public string Instructions(PlanAuthority authority) => (authority == PlanAuthority.Binding
        ? "A planner prepared this plan and it is binding: carry out the steps in order, using the tools they name. " +
          "Do not skip, reorder or add steps; if a step cannot be done, stop and say so in your answer.\n"
        : $"A planner prepared this plan as advice (its confidence is {Confidence} of 100): check each step's result " +
          "before the next, and deviate from the plan when a result shows it is wrong or incomplete.\n") + Outline();

    /// <summary>The plan itself, one line per item: goal, requirements, constraints and numbered steps.</summary>
    public string Outline()
    {
        var text = new StringBuilder().Append("Goal: ").AppendLine(Goal);
        void List(string title, IReadOnlyList<string> items)
        {
            if (items.Count > 0)
            {
                text.AppendLine(title);
                foreach (var item in items)
                {
                    text.Append("- ").AppendLine(item);
                }
            }
        }

        List("Requirements:", Requirements);
        List("Constraints:", Constraints);
        text.AppendLine("Steps:");
        foreach (var step in Steps)
        {
            text.Append(step.Id).Append(". ").Append(step.Description);
            if (!string.IsNullOrWhiteSpace(step.Tool))
            {
                text.Append(" (tool: ").Append(step.Tool).Append(')');
            }

            if (step.DependsOn.Count > 0)
            {
                text.Append(" (after ").Append(string.Join(", ", step.DependsOn)).Append(')');
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}

/// <summary>One step of a plan; <see cref="DependsOn"/> names the steps that must finish first.</summary>
public sealed record PlanStep
{
    public string Id { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Tool { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
