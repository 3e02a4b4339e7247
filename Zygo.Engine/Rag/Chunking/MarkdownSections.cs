using System.Text.RegularExpressions;

namespace Zygo.Engine.Rag.Chunking;

/// <summary>
/// Splits Markdown at its ATX headings (<c># …</c> to <c>###### …</c>, outside code fences) into sections that each
/// know their heading path, e.g. "Billing > Refunds", so a chunk never spans two sections and carries its heading.
/// </summary>
internal static partial class MarkdownSections
{
    [GeneratedRegex(@"^(#{1,6})[ \t]+(.+?)[ \t#]*$")]
    private static partial Regex Heading();

    public static IReadOnlyList<(string Heading, string Body)> Of(string markdown)
    {
        var sections = new List<(string, string)>();
        var path = new List<(int Level, string Title)>();
        var body = new List<string>();
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            var match = inFence ? Match.Empty : Heading().Match(trimmed);
            if (!match.Success)
            {
                body.Add(trimmed);
                continue;
            }

            Flush();
            var level = match.Groups[1].Length;
            path.RemoveAll(h => h.Level >= level);
            path.Add((level, match.Groups[2].Value.Trim()));
        }

        Flush();
        return sections;

        void Flush()
        {
            var text = string.Join('\n', body).Trim();
            if (text.Length > 0)
            {
                sections.Add((string.Join(" > ", path.Select(h => h.Title)), text));
            }

            body.Clear();
        }
    }
}
