namespace Zygo.Data.Entities;

/// <summary>A named set of documents in Zygo's built-in knowledge store, searched by the RAG Context node.</summary>
public class RagCollection : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    /// <summary>What the RAG Context node's <c>indexName</c> refers to; unique per tenant.</summary>
    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Most characters of a chunk.</summary>
    public int ChunkSize { get; set; } = 800;

    /// <summary>Characters a chunk repeats from the end of the previous one, so a passage cut in two is found whole in one.</summary>
    public int ChunkOverlap { get; set; } = 120;

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
