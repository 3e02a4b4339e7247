namespace Zygo.Data.Entities;

/// <summary>A passage of a <see cref="RagDocument"/>: what retrieval finds and returns.</summary>
public class RagChunk : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid CollectionId { get; set; }
    public Guid DocumentId { get; set; }

    /// <summary>Position in the document, from 0.</summary>
    public int Ordinal { get; set; }

    public required string Text { get; set; }

    /// <summary>The Markdown heading path the passage sits under ("Billing > Refunds"), empty outside any heading.</summary>
    public string Heading { get; set; } = "";

    /// <summary>JSON object: the document's metadata plus title and heading, what filters compare against.</summary>
    public string Metadata { get; set; } = "{}";

    /// <summary>The text's vector (little-endian float32s) from <see cref="EmbeddingModel"/>; null until embedded.</summary>
    public byte[]? Embedding { get; set; }

    public string? EmbeddingModel { get; set; }
}
