namespace Zygo.Data.Entities;

public class WorkflowExecution : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkflowId { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The workflow version that ran.</summary>
    public int WorkflowVersion { get; set; }

    public ExecutionStatus Status { get; set; } = ExecutionStatus.Pending;
    public TriggerSource TriggeredBy { get; set; }
    public Guid? TriggerUserId { get; set; }

    public string? Input { get; set; }
    public string? Output { get; set; }

    /// <summary>JSON: the failing node, message and details.</summary>
    public string? Error { get; set; }

    public DateTime TriggeredAt { get; set; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
