using System.Text.RegularExpressions;

namespace Zygo.Engine.Templating;

/// <summary>
/// A dotted path such as <c>nodes.Fetch metrics.output.items[0].name</c>: segments split on dots, with array
/// indexes in brackets. Segments may hold spaces so labels can be used as written.
/// </summary>
public static partial class TemplatePath
{
    [GeneratedRegex(@"^(?<name>[^\[\]]*)(?<indexes>(\[\d+\])*)$")]
    private static partial Regex Segment();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    /// <summary>The segments of <paramref name="path"/>, or null when it is not a path.</summary>
    public static IReadOnlyList<string>? Split(string path)
    {
        var parts = new List<string>();
        foreach (var raw in path.Trim().Split('.'))
        {
            var match = Segment().Match(raw.Trim());
            if (!match.Success)
            {
                return null;
            }

            var name = match.Groups["name"].Value.Trim();
            if (name.Length > 0)
            {
                parts.Add(name);
            }
            else if (match.Groups["indexes"].Length == 0)
            {
                return null;
            }

            parts.AddRange(Index().Matches(match.Groups["indexes"].Value).Select(m => m.Groups[1].Value));
        }

        return parts.Count == 0 ? null : parts;
    }
}
