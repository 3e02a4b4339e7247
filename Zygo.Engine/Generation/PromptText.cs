using System.Text.RegularExpressions;

namespace Zygo.Engine.Generation;

/// <summary>What the offline generators read from a prompt: where keywords occur, URLs, e-mail addresses, schedules.</summary>
public sealed partial class PromptText(string prompt)
{
    public string Text { get; } = prompt.Trim();

    private readonly string _lower = " " + Regex.Replace(prompt.ToLowerInvariant(), @"\s+", " ") + " ";

    /// <summary>Where the first of <paramref name="keywords"/> occurs (at a word start), or -1.</summary>
    public int IndexOf(params string[] keywords) =>
        keywords.Select(k => _lower.IndexOf(" " + k, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    public bool Has(params string[] keywords) => IndexOf(keywords) >= 0;

    public string? Url => UrlPattern().Match(Text) is { Success: true } m ? m.Value.TrimEnd('.', ',', ')') : null;

    public string? Email => EmailPattern().Match(Text) is { Success: true } m ? m.Value : null;

    /// <summary>"every 15 minutes" → (15, "minutes"); null when the prompt names no interval.</summary>
    public (int Value, string Unit)? Interval
    {
        get
        {
            var m = IntervalPattern().Match(_lower);
            if (m.Success)
            {
                return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value + "s");
            }

            return Has("hourly", "every hour") ? (1, "hours") : null;
        }
    }

    /// <summary>
    /// The condition of an "if … then" (or "if …,") clause, e.g. "the issue is urgent", and where it starts; else of a
    /// "when … then" clause ("when" alone usually names the trigger).
    /// </summary>
    public (string Text, int At)? Condition =>
        (IfPattern().Match(_lower) is { Success: true } m ? m : WhenPattern().Match(_lower)) is { Success: true } found
            ? (found.Groups[1].Value.Trim(), found.Index)
            : null;

    /// <summary>A short title from the prompt's first words.</summary>
    public string Title(int words = 6)
    {
        var parts = WordPattern().Matches(Text).Select(m => m.Value).Take(words).ToList();
        if (parts.Count == 0)
        {
            return "Generated workflow";
        }

        var title = string.Join(' ', parts);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    /// <summary>A lower-case slug of the prompt's first words, for webhook paths and memory keys.</summary>
    public string Slug => string.Join('-', WordPattern().Matches(Text.ToLowerInvariant()).Select(m => m.Value).Take(4)) is { Length: > 0 } s ? s : "generated";

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@" every (\d{1,4}) (minute|hour|day)s?\b")]
    private static partial Regex IntervalPattern();

    [GeneratedRegex(@" if (.+?)(?:,| then )")]
    private static partial Regex IfPattern();

    [GeneratedRegex(@" when ([^,]+?) then ")]
    private static partial Regex WhenPattern();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex WordPattern();
}
