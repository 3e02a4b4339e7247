namespace Zygo.Engine.Execution.Events;

public enum ExecutionEventKind
{
    ExecutionStarted,
    NodeStarted,
    NodeCompleted,
    NodeFailed,
    NodeSkipped,
    Log,
    ExecutionFinished,
}
