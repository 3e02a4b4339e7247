namespace Zygo.Data.Entities;

/// <summary>
/// One version of something a workflow remembered (memory_store), found again by key or by search (memory_search).
/// Earlier versions of a key stay as superseded rows; searches only see the current one.
/// </summary>
public class Memory : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    /// <summary>The key the memory is found and merged by; unique per tenant among current memories.</summary>
    public required string Key { get; set; }

    /// <summary>semantic, episodic, procedural or factual (the node's lower-case names).</summary>
    public required string Type { get; set; }

    public string Title { get; set; } = "";
    public required string Content { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>Tags, lower-cased, separated by single spaces (so the full-text index sees them as words).</summary>
    public string Tags { get; set; } = "";

    /// <summary>public, internal, confidential or secret.</summary>
    public required string Sensitivity { get; set; }

    /// <summary>critical, high, medium, low or trivial.</summary>
    public required string Importance { get; set; }

    public double Confidence { get; set; } = 1;

    /// <summary>After this moment the memory is never returned; null never expires.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When the remembered thing was observed; what date-range filters look at.</summary>
    public DateTime ObservedAt { get; set; } = DateTime.UtcNow;

    /// <summary>1 for a new key, one more on every change.</summary>
    public int Version { get; set; } = 1;

    /// <summary>True for an earlier version kept when the key changed, or a memory another one replaced.</summary>
    public bool Superseded { get; set; }

    /// <summary>JSON: actor, evidence, relations, workflow location, version note and the node's extra metadata.</summary>
    public string Metadata { get; set; } = "{}";

    /// <summary>The content's vector (little-endian float32s) from <see cref="EmbeddingModel"/>; null until embedded.</summary>
    public byte[]? Embedding { get; set; }

    public string? EmbeddingModel { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
