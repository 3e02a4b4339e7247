using System.Text.RegularExpressions;

namespace Zygo.Engine.Knowledge.Extraction;

/// <summary>
/// Finds entities by pattern. Emails, URLs, ISO and written dates, money amounts and order/ticket/invoice ids are
/// found reliably. Organisations need a legal or institutional suffix (Ltd, Inc, GmbH, University …). People are a
/// guess: two or three capitalised words in a row, minus common words, so "Ada Lovelace" matches and so would
/// "Harbour View"; a single first name or a lower-case name is missed. Redacted secrets (<c>[REDACTED:…]</c>) are
/// never taken, and URLs lose their query and fragment, where tokens tend to hide.
/// </summary>
public static partial class RegexEntityExtractor
{
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "if", "in", "on", "at", "to", "for", "from", "by", "with",
        "of", "as", "is", "was", "we", "i", "you", "he", "she", "they", "it", "our", "my", "your", "their", "his", "her",
        "dear", "hi", "hello", "thanks", "regards", "please", "yesterday", "today", "tomorrow", "customer", "support", "team",
        "service", "order", "ticket", "invoice", "case", "mr", "mrs", "ms", "dr", "prof", "sir", "madam",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    public static EntityExtraction Extract(string text, string? note = null)
    {
        var found = new List<ExtractedEntity>();
        var taken = new List<(int Start, int End)>();

        void Add(string type, Match match, string name)
        {
            if (name.Contains("[REDACTED", StringComparison.Ordinal) || taken.Exists(t => match.Index < t.End && t.Start < match.Index + match.Length))
            {
                return;
            }

            taken.Add((match.Index, match.Index + match.Length));
            found.Add(new ExtractedEntity(type, name));
        }

        // Most specific first: a span taken by an email is not also a person or a date.
        foreach (Match m in Email().Matches(text))
        {
            Add("email", m, m.Value);
        }

        foreach (Match m in Url().Matches(text))
        {
            Add("url", m, m.Value.Split('?', '#')[0].TrimEnd('.', ',', ';', ':', ')', '!'));
        }

        foreach (Match m in PrefixedId().Matches(text))
        {
            Add(IdKind(m.Groups["prefix"].Value), m, m.Value.ToUpperInvariant());
        }

        foreach (Match m in WordId().Matches(text))
        {
            Add(IdKind(m.Groups["kind"].Value), m, "#" + m.Groups["id"].Value);
        }

        foreach (Match m in Money().Matches(text))
        {
            Add("money", m, m.Value.Trim());
        }

        foreach (Match m in IsoDate().Matches(text))
        {
            Add("date", m, m.Value);
        }

        foreach (Match m in WrittenDate().Matches(text))
        {
            Add("date", m, m.Value);
        }

        foreach (Match m in Organization().Matches(text))
        {
            var words = m.Value.TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(CommonWords.Contains).ToList();
            if (words.Count >= 2)
            {
                Add("organization", m, string.Join(' ', words));
            }
        }

        foreach (Match m in CapitalisedWords().Matches(text))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(CommonWords.Contains).ToList();
            if (words.Count is >= 2 and <= 3 && !words.Exists(CommonWords.Contains))
            {
                Add("person", m, string.Join(' ', words));
            }
        }

        var entities = found.DistinctBy(e => (e.Type, EntityNames.Normalize(e.Name))).Take(EntityExtraction.MaxEntities).ToList();
        return new EntityExtraction(entities, [], "regex", note);
    }

    private static string IdKind(string prefix) => prefix.ToLowerInvariant() switch
    {
        "ord" or "order" => "order",
        "inv" or "invoice" => "invoice",
        _ => "ticket",
    };

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\bhttps?://[^\s<>""'\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?<prefix>ORD|ORDER|INV|INVOICE|TKT|TICKET|INC|CASE)-?\d{3,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PrefixedId();

    [GeneratedRegex(@"\b(?<kind>order|ticket|invoice|case)\s*(?:#|no\.?\s*|number\s*)?(?<id>\d{3,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordId();

    [GeneratedRegex(@"(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion)\b)?)|(?:\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b)")]
    private static partial Regex Money();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b(?:[A-Z][\w&'-]*\s+){1,4}(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|Company|Co|PLC|AG|SA|BV|Limited|Group|University|Bank|Foundation)\b\.?")]
    private static partial Regex Organization();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+){1,3}\b")]
    private static partial Regex CapitalisedWords();
}
