namespace Zygo.Data.Entities;

/// <summary>A documentation page indexed from wwwroot-docs; global, not tenant-scoped.</summary>
public class DocumentationPage
{
    public required string Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Category { get; set; }
    public required string Content { get; set; }
    public int? ReadTime { get; set; }
    public DateTime LastUpdated { get; set; } = DateTime.UtcNow;
    public bool IsPublic { get; set; } = true;
    public string? MetaDescription { get; set; }

    /// <summary>Comma-separated, so the column is portable across providers.</summary>
    public string? Keywords { get; set; }

    public int SortOrder { get; set; }
}
