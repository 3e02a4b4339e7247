using System.Text.RegularExpressions;

namespace Zygo.Engine.Knowledge;

/// <summary>How names and types are compared: trimmed, lower-cased, runs of white space as one space.</summary>
public static partial class EntityNames
{
    public const int MaxNameLength = 400;
    public const int MaxTypeLength = 64;

    public static string Normalize(string name) => Spaces().Replace(name.Trim(), " ").ToLowerInvariant();

    /// <summary>A type or relation name as stored: lower-case, with <c>_</c> for spaces and dashes (<c>Works For</c> → <c>works_for</c>).</summary>
    public static string Kind(string kind) => Separators().Replace(kind.Trim().ToLowerInvariant(), "_");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex Separators();
}
