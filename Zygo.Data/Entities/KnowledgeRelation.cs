namespace Zygo.Data.Entities;

/// <summary>A typed, directed edge between two entities of one tenant, e.g. <c>works_for</c> or <c>mentioned_with</c>.</summary>
public class KnowledgeRelation : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    public Guid FromEntityId { get; set; }
    public Guid ToEntityId { get; set; }

    /// <summary>Lower-case relation name; one edge per (from, to, type).</summary>
    public required string Type { get; set; }

    /// <summary>JSON object of the relation's properties.</summary>
    public string Properties { get; set; } = "{}";

    /// <summary>How sure the relation is, 0 to 1.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>The memory the relation was extracted from, if any.</summary>
    public Guid? SourceMemoryId { get; set; }

    /// <summary>The execution that made the relation, if any.</summary>
    public Guid? SourceExecutionId { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
