using Zygo.Data.Entities;

namespace Zygo.Web.Executions;

public sealed record ExecutionFilter(Guid? WorkflowId = null, ExecutionStatus? Status = null, TriggerSource? TriggeredBy = null,
    int Limit = 25, int Offset = 0);

public sealed record ExecutionSummary(
    Guid Id,
    Guid WorkflowId,
    string WorkflowName,
    ExecutionStatus Status,
    TriggerSource TriggeredBy,
    DateTime TriggeredAt,
    DateTime? StartedAt,
    DateTime? CompletedAt)
{
    /// <summary>Computed here rather than in SQL: date arithmetic differs between the three providers.</summary>
    public long? DurationMs => StartedAt is { } started && CompletedAt is { } completed
        ? (long)(completed - started).TotalMilliseconds
        : null;
}
