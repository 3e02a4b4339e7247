using Zygo.Data.Entities;

namespace Zygo.Engine.Nodes.Operations.Maintenance;

/// <summary>Config of the <c>maintenance</c> node: purges old data of the run's own tenant.</summary>
public sealed class MaintenanceConfig
{
    /// <summary><c>purge_executions</c>, <c>purge_expired_memories</c>, or <c>both</c>.</summary>
    public MaintenanceOperation Operation { get; init; } = MaintenanceOperation.PurgeExecutions;

    /// <summary>Purge runs that ended more than this many days ago (triggered, when no end was recorded). At least 1.</summary>
    public int OlderThanDays { get; init; } = 30;

    /// <summary>Which run statuses to purge. <c>running</c> and <c>pending</c> are refused: a live run is never purged.</summary>
    public List<ExecutionStatus> Statuses { get; init; } =
        [ExecutionStatus.Completed, ExecutionStatus.Failed, ExecutionStatus.Cancelled, ExecutionStatus.Interrupted];

    /// <summary>Only this workflow's runs. Empty: every workflow of the tenant.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>Count what would be purged, delete nothing.</summary>
    public bool DryRun { get; init; }
}

public enum MaintenanceOperation
{
    PurgeExecutions,
    PurgeExpiredMemories,
    Both,
}
