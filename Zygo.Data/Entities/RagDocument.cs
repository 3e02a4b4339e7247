namespace Zygo.Data.Entities;

/// <summary>One uploaded document of a <see cref="RagCollection"/>; its text lives in its chunks.</summary>
public class RagDocument : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid CollectionId { get; set; }

    public required string Title { get; set; }

    /// <summary>The uploaded file's name, or empty for text sent as JSON.</summary>
    public string FileName { get; set; } = "";

    /// <summary>text/plain or text/markdown.</summary>
    public required string ContentType { get; set; }

    /// <summary>JSON object of the uploader's metadata; every chunk carries it for filtering.</summary>
    public string Metadata { get; set; } = "{}";

    public int Characters { get; set; }
    public int ChunkCount { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
