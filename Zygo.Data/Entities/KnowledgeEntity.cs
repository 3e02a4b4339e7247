namespace Zygo.Data.Entities;

/// <summary>
/// A thing the tenant's knowledge graph knows about (a person, an organisation, an order …), made by an entity_query
/// node or extracted from a memory. One row per type and normalized name, so mentions of it merge.
/// </summary>
public class KnowledgeEntity : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    /// <summary>Lower-case kind, e.g. <c>person</c>, <c>organization</c>, <c>email</c>.</summary>
    public required string Type { get; set; }

    /// <summary>The name as first written.</summary>
    public required string Name { get; set; }

    /// <summary>The name trimmed, lower-cased and with single spaces: what lookups and the unique index use.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>JSON object of the entity's properties; later writes merge into it.</summary>
    public string Properties { get; set; } = "{}";

    /// <summary>The memory the entity was first extracted from, if any.</summary>
    public Guid? SourceMemoryId { get; set; }

    /// <summary>The execution that last wrote the entity, if any.</summary>
    public Guid? SourceExecutionId { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
