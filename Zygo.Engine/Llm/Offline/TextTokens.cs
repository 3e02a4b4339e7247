using System.Text.RegularExpressions;

namespace Zygo.Engine.Llm.Offline;

/// <summary>Words of a text as the offline model compares them: lower-case, without filler words, crudely stemmed.</summary>
internal static partial class TextTokens
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from", "can", "what", "when",
        "where", "which", "who", "how", "why", "does", "did", "was", "were", "will", "would", "could", "should", "please",
        "about", "into", "have", "has", "had", "its", "our", "their", "there", "them", "then", "than", "all", "any", "one",
        "use", "input", "output", "node", "tool", "data", "give", "get", "need", "want", "tell",
    };

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();

    public static IEnumerable<string> Of(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length > 2 && !Filler.Contains(w))
            .Select(Stem);

    /// <summary>Enough stemming that "orders", "ordered" and "ordering" meet "order".</summary>
    private static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
