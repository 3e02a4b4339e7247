namespace Zygo.Data.Entities;

public class NodeExecution : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ExecutionId { get; set; }
    public Guid TenantId { get; set; }
    public required string NodeId { get; set; }
    public required string NodeType { get; set; }
    public NodeExecutionStatus Status { get; set; } = NodeExecutionStatus.Pending;
    public string? Input { get; set; }
    public string? Output { get; set; }
    public string? Error { get; set; }

    /// <summary>How many times the node was tried (retries included).</summary>
    public int Attempts { get; set; }

    /// <summary>Position of this step in the execution's order of starts.</summary>
    public int Sequence { get; set; }

    /// <summary>Where in the run this step happened, e.g. loop iteration or agent tool call.</summary>
    public string? Path { get; set; }

    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
