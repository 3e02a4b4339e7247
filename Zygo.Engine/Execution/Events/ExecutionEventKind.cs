namespace Zygo.Engine.Execution.Events;

public enum ExecutionEventKind
{
    ExecutionStarted,
    NodeStarted,
    NodeCompleted,
    NodeFailed,
    NodeSkipped,
    Log,

    /// <summary>One step of an AI Agent (model call, tool call, final answer); the step's record is the event's output.</summary>
    AgentStep,

    /// <summary>A piece of a model's answer as it streams; the text is the event's message.</summary>
    Token,
    ExecutionFinished,
}
