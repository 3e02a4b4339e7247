using System.Text.RegularExpressions;

namespace Zygo.Engine.Agent;

/// <summary>
/// Tool names models accept, derived from node labels: lower-cased, every run of characters other than a–z and 0–9
/// replaced by <c>_</c>, and made unique with <c>_2</c>, <c>_3</c>, … in graph order.
/// </summary>
public static partial class ToolNames
{
    /// <summary>Providers allow 64 characters; room is left for the de-duplicating suffix.</summary>
    private const int MaxBaseLength = 60;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex OtherCharacters();

    public static string From(string label)
    {
        var name = OtherCharacters().Replace(label.ToLowerInvariant(), "_");
        return name.Length > MaxBaseLength ? name[..MaxBaseLength] : name;
    }

    public static IReadOnlyList<string> Unique(IEnumerable<string> labels)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var label in labels)
        {
            var name = From(label);
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++)
            {
                candidate = $"{name}_{n}";
            }

            names.Add(candidate);
        }

        return names;
    }
}
