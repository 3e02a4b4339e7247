namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// Config of the Planner node (spec: PlannerConfigData). The spec's flat <c>plannerProvider</c>, <c>plannerModel</c>,
/// <c>plannerApiKey</c>, <c>plannerApiKeyVariableId</c> (and the same for the synthesizer) are the
/// <c>planner</c> and <c>synthesizer</c> connections here.
/// </summary>
public sealed record PlannerConfigData
{
    /// <summary>The model that turns a goal into a step-by-step plan.</summary>
    public ModelConnection Planner { get; init; } = new();

    /// <summary>The model that combines the steps' results into one answer.</summary>
    public ModelConnection Synthesizer { get; init; } = new();

    public PlannerExecutionMode ExecutionMode { get; init; } = PlannerExecutionMode.Autonomous;

    /// <summary>Fewest requirements the planner must extract from the goal.</summary>
    public int MinRequirements { get; init; } = 1;

    /// <summary>Fewest constraints the planner must identify.</summary>
    public int MinConstraints { get; init; }

    /// <summary>Most clarifying questions asked in <c>interactive</c> mode.</summary>
    public int MaxQuestions { get; init; } = 3;

    /// <summary>Confidence (0 to 100) the plan needs before it runs without asking.</summary>
    public int MinConfidence { get; init; } = 70;

    /// <summary>Confidence (0 to 100) above which the model's own decisions are taken without checks.</summary>
    public int TrustLlmThreshold { get; init; } = 80;

    /// <summary>Replaces the planner's built-in instructions when not empty.</summary>
    public string SystemPromptOverride { get; init; } = "";
}

/// <summary>How much the planner involves the person running the workflow.</summary>
public enum PlannerExecutionMode
{
    /// <summary>Asks clarifying questions before planning.</summary>
    Interactive,

    /// <summary>Plans and runs without asking.</summary>
    Autonomous,

    /// <summary>Like autonomous, without narrating the plan.</summary>
    Silent,
}
