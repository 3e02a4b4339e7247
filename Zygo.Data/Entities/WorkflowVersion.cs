namespace Zygo.Data.Entities;

public class WorkflowVersion : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkflowId { get; set; }
    public Guid TenantId { get; set; }
    public int Version { get; set; }
    public string Nodes { get; set; } = "[]";
    public string Edges { get; set; } = "[]";
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string? ChangeNote { get; set; }
}
