namespace Zygo.Engine.Planning;

/// <summary>How strictly the agent must keep to a plan (set by the Planner's <c>trustLlmThreshold</c>).</summary>
public enum PlanAuthority
{
    /// <summary>The agent checks each step's result and may deviate from the plan.</summary>
    Advisory,

    /// <summary>The agent carries out the steps in order with the tools they name.</summary>
    Binding,
}
