using System.Text.RegularExpressions;

namespace Zygo.Web.Documentation.Search;

/// <summary>Splitting text into lower-case words, the same way for pages and queries.</summary>
public static partial class SearchTerms
{
    /// <summary>Queries longer than this are cut: a search box is not a place for essays.</summary>
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 8;

    public static IEnumerable<string> Words(string? text) =>
        string.IsNullOrEmpty(text) ? [] : WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    public static IReadOnlyList<string> FromQuery(string? query)
    {
        var text = query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query;
        return Words(text).Distinct().Take(MaxTerms).ToList();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
