using Zygo.Data.Entities;

namespace Zygo.Web.Executions;

/// <param name="From">Runs triggered at or after this moment (UTC).</param>
/// <param name="To">Runs triggered before this moment (UTC).</param>
public sealed record ExecutionFilter(Guid? WorkflowId = null, ExecutionStatus? Status = null, TriggerSource? TriggeredBy = null,
    int Limit = 25, int Offset = 0, DateTime? From = null, DateTime? To = null);

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

/// <summary>A run with the version of the workflow it ran, for showing it on that version's graph.</summary>
public sealed record ExecutionRecord(Zygo.Engine.Execution.Service.ExecutionView View, int WorkflowVersion);
