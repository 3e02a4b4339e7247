namespace Zygo.Data.Entities;

public enum ExecutionStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,

    /// <summary>Was running when the process stopped; set on the next start so nothing stays running forever.</summary>
    Interrupted,
}
