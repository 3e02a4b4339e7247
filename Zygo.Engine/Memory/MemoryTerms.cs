using System.Text.RegularExpressions;

namespace Zygo.Engine.Memory;

/// <summary>
/// The words of a query or a memory as keyword search sees them: lower-cased letter/digit runs, without the
/// little words a question is made of, so "what does the customer prefer?" searches for customer and prefer.
/// </summary>
internal static partial class MemoryTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from", "has", "have", "how", "i",
        "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we",
        "were", "what", "when", "where", "which", "who", "why", "with", "you", "your",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>The distinct searchable words of a query, in order.</summary>
    public static IReadOnlyList<string> Of(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => !StopWords.Contains(w)).Distinct().ToList();

    /// <summary>Every word of a memory's text (stop words included: they never occur among the query's terms).</summary>
    public static HashSet<string> AllOf(params string[] texts) =>
        texts.SelectMany(t => Word().Matches(t).Select(m => m.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);

    /// <summary>The FTS5 MATCH expression: any of the terms, each quoted so no query text is read as FTS syntax.</summary>
    public static string MatchExpression(IEnumerable<string> terms) =>
        string.Join(" OR ", terms.Select(t => $"\"{t.Replace("\"", "\"\"")}\""));

    /// <summary>The share of the query's terms the memory contains: the keyword score, 0 to 1.</summary>
    public static double Coverage(IReadOnlyList<string> terms, HashSet<string> words) =>
        terms.Count == 0 ? 0 : terms.Count(words.Contains) / (double)terms.Count;
}
