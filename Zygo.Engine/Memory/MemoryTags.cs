namespace Zygo.Engine.Memory;

/// <summary>Tags as stored: lower-cased words joined by spaces (a tag's own spaces become dashes).</summary>
internal static class MemoryTags
{
    public static IReadOnlyList<string> Parse(string commaSeparated) =>
        commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize).Where(t => t.Length > 0).Distinct().ToList();

    public static IReadOnlyList<string> Split(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Normalize(string tag) =>
        string.Join('-', tag.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
