namespace Zygo.Web.Documentation;

/// <summary>The YAML header of a page: the few flat keys the docs use, parsed without a YAML library.</summary>
public sealed record DocFrontMatter(
    string Title,
    string Category,
    int Order,
    string Description,
    IReadOnlyList<string> Keywords,
    DocAudience Audience)
{
    private const string Fence = "---";

    /// <summary>Splits a file into its front matter and Markdown body; throws <see cref="FormatException"/> with the reason.</summary>
    public static (DocFrontMatter Header, string Body) Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != Fence)
        {
            throw new FormatException("The page must start with front matter between '---' lines.");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == Fence);
        if (end < 0)
        {
            throw new FormatException("The front matter has no closing '---' line.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < end; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"Front matter line {i + 1} is not 'key: value'.");
            }

            values[line[..colon].Trim()] = Unquote(StripComment(line[(colon + 1)..]).Trim());
        }

        return (FromValues(values), string.Join('\n', lines[(end + 1)..]));
    }

    private static DocFrontMatter FromValues(Dictionary<string, string> values)
    {
        string Required(string key) => values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The front matter needs '{key}'.");

        var orderText = values.GetValueOrDefault("order", "0");
        if (!int.TryParse(orderText, out var order))
        {
            throw new FormatException($"'order' must be a whole number, not '{orderText}'.");
        }

        var audienceText = values.GetValueOrDefault("audience", "public");
        if (!Enum.TryParse<DocAudience>(audienceText, ignoreCase: true, out var audience) || !Enum.IsDefined(audience))
        {
            throw new FormatException($"'audience' must be public, members or developers, not '{audienceText}'.");
        }

        return new DocFrontMatter(Required("title"), Required("category"), order, Required("description"),
            ParseList(values.GetValueOrDefault("keywords", "")), audience);
    }

    /// <summary>A flow list <c>[a, b]</c> or a plain comma-separated value.</summary>
    private static string[] ParseList(string value) =>
        value.Trim().TrimStart('[').TrimEnd(']')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Unquote)
            .Where(k => k.Length > 0)
            .ToArray();

    /// <summary>Drops a trailing <c> # comment</c> outside quotes (a '#' inside a word, as in C#, stays).</summary>
    private static string StripComment(string value)
    {
        char? quote = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quote is null && c is '"' or '\'' && value[..i].Trim().Length == 0)
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = null;
            }
            else if (quote is null && c == '#' && i > 0 && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i];
            }
        }

        return value;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')
            ? value[1..^1]
            : value;
}
