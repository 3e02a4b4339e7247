namespace Zygo.Data.Entities;

public class Workflow : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string Slug { get; set; }

    /// <summary>The graph's nodes as a JSON array; the engine owns its shape.</summary>
    public string Nodes { get; set; } = "[]";

    /// <summary>The graph's edges as a JSON array.</summary>
    public string Edges { get; set; } = "[]";

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Draft;
    public int Version { get; set; } = 1;
    public int? PublishedVersion { get; set; }

    /// <summary>Changes on every save so two editors of the same workflow cannot overwrite each other silently.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
