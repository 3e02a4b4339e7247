namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the AI Agent node (spec: AIAgentConfigData).</summary>
public sealed record AIAgentConfigData : ChatModelSettings
{
    public AgentType AgentType { get; init; } = AgentType.Tools;

    /// <summary>Most reasoning loops (model turns) before the agent stops with "iteration limit reached".</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>Timeout of one tool call, in milliseconds.</summary>
    public int ToolTimeout { get; init; } = 30000;

    /// <summary>Include every step (tool chosen, arguments, observation) in the node's output.</summary>
    public bool ReturnIntermediateSteps { get; init; } = true;

    /// <summary>Stream the model's tokens to the run's live view as they arrive.</summary>
    public bool EnableStreaming { get; init; } = true;
}

/// <summary>How the agent works with the nodes wired to it.</summary>
public enum AgentType
{
    /// <summary>Calls the wired nodes as tools through the model's native function calling.</summary>
    Tools,

    /// <summary>Only converses: no tools.</summary>
    Conversational,

    /// <summary>Thought / Action / Observation in plain text, for models without function calling.</summary>
    React,
}
