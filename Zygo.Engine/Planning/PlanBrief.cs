using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Planning;

/// <summary>
/// What a Planner hands to the AI Agent after it, in the Planner's output: the <c>plan</c>, its <c>planAuthority</c>
/// and, when a synthesizer is enabled, a <c>synthesizer</c> reference naming the Planner node whose config holds it.
/// Only the reference travels: the synthesizer's key stays in that node's config, out of every output and record.
/// </summary>
public sealed record PlanBrief(Plan Plan, PlanAuthority Authority, string? SynthesizerNodeId)
{
    private const string PlanField = "plan";
    private const string AuthorityField = "planAuthority";
    private const string SynthesizerField = "synthesizer";

    /// <summary>Writes the brief into a Planner output; the <paramref name="synthesizer"/> shows as its provider and model only.</summary>
    public void WriteTo(JsonObject output, ModelConnection synthesizer)
    {
        output[PlanField] = Plan.ToJson();
        output[AuthorityField] = JsonSerializer.SerializeToNode(Authority, EngineJson.Options);
        if (SynthesizerNodeId is not null)
        {
            output[SynthesizerField] = new JsonObject
            {
                ["nodeId"] = SynthesizerNodeId,
                ["provider"] = JsonSerializer.SerializeToNode(synthesizer.Provider, EngineJson.Options),
                ["model"] = synthesizer.Model,
            };
        }
    }

    /// <summary>The brief in an agent's input; null without a plan. A plan of unknown authority is advisory.</summary>
    public static PlanBrief? From(JsonObject input)
    {
        if (Plan.From(input[PlanField]) is not { } plan)
        {
            return null;
        }

        var authority = input[AuthorityField] is JsonValue a && a.TryGetValue<string>(out var text)
            && Enum.TryParse<PlanAuthority>(text, ignoreCase: true, out var parsed) ? parsed : PlanAuthority.Advisory;
        var synthesizer = input[SynthesizerField]?["nodeId"] is JsonValue n && n.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;
        return new PlanBrief(plan, authority, synthesizer);
    }
}
