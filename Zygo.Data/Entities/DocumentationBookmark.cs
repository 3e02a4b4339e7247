namespace Zygo.Data.Entities;

/// <summary>A page a user bookmarked; per user across tenants, like the documentation itself.</summary>
public class DocumentationBookmark
{
    public Guid UserId { get; set; }
    public required string Slug { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
