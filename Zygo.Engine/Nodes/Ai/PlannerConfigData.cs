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

    /// <summary>The model that combines the AI Agent's step results and draft into its final answer, when enabled.</summary>
    public SynthesizerConnection Synthesizer { get; init; } = new();

    public PlannerExecutionMode ExecutionMode { get; init; } = PlannerExecutionMode.Autonomous;

    /// <summary>Fewest requirements the planner must extract from the goal.</summary>
    public int MinRequirements { get; init; } = 1;

    /// <summary>Fewest constraints the planner must identify.</summary>
    public int MinConstraints { get; init; }

    /// <summary>Most clarifying questions asked in <c>interactive</c> mode.</summary>
    public int MaxQuestions { get; init; } = 3;

    /// <summary>
    /// Confidence (0 to 100) a plan needs to run unconfirmed: below it, <c>interactive</c> asks the person to confirm
    /// the plan first, and the other modes proceed with a warning in the log.
    /// </summary>
    public int MinConfidence { get; init; } = 70;

    /// <summary>
    /// Confidence (0 to 100) from which the plan is binding (the agent follows its steps and tools in order); below it
    /// the plan is advisory (the agent checks each step and may deviate). A plan the person confirmed is binding.
    /// </summary>
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
