using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Planning;

/// <summary>
/// What a Planner does with a plan, by its mode and thresholds: how binding the plan is, and whether to stop and ask
/// the person first (open questions, or a confidence below <c>minConfidence</c> in <c>interactive</c> mode).
/// </summary>
/// <param name="Ask">The reply that asks the person, when the flow stops here; null when it proceeds.</param>
/// <param name="Unconfirmed">The plan is below <c>minConfidence</c> and proceeds without the person's confirmation.</param>
public sealed record PlanGate(PlanAuthority Authority, string? Ask, bool Unconfirmed)
{
    public static PlanGate For(Plan plan, PlannerDialogue? dialogue, PlannerConfigData config)
    {
        var confirmed = dialogue?.Confirmed == true;
        var doubtful = plan.Confidence < config.MinConfidence && !confirmed;
        var interactive = config.ExecutionMode == PlannerExecutionMode.Interactive;
        // What the person confirmed is theirs, not only the model's: it binds whatever the model's confidence.
        var authority = confirmed || plan.Confidence >= config.TrustLlmThreshold ? PlanAuthority.Binding : PlanAuthority.Advisory;
        // Questions once answered are not asked again, however the model words them this time.
        var ask = !interactive ? null
            : plan.ClarifyingQuestions.Count > 0 && dialogue is null ? PlanQuestions.Ask(plan.ClarifyingQuestions)
            : doubtful ? PlanConfirmation.Ask(plan, config.MinConfidence)
            : null;
        return new PlanGate(authority, ask, doubtful && !interactive);
    }
}
