namespace Zygo.Web.Documentation.Reading;

/// <summary>A user's reading across the docs: bookmarked pages (newest first) and pages marked read.</summary>
public sealed record ReadingState(IReadOnlyList<string> Bookmarks, IReadOnlySet<string> Read)
{
    public static ReadingState Empty { get; } = new([], new HashSet<string>());

    public bool IsBookmarked(string slug) => Bookmarks.Contains(slug, StringComparer.OrdinalIgnoreCase);
}
