namespace Zygo.Data.Entities;

public enum NodeExecutionStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Skipped,
    Cancelled,
}
