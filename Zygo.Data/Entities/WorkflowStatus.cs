namespace Zygo.Data.Entities;

public enum WorkflowStatus
{
    Draft,
    Active,
    Paused,
    Archived,
}
