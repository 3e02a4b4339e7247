namespace Zygo.Data.Entities;

/// <summary>How far a user has read a page: the last scroll position and whether they marked it read.</summary>
public class DocumentationProgress
{
    public Guid UserId { get; set; }
    public required string Slug { get; set; }

    /// <summary>The share of the page scrolled past, 0 to 1, so it restores at any window size.</summary>
    public double ScrollPosition { get; set; }

    public bool IsRead { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
