using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Zygo.Web.Documentation.Search;

/// <summary>
/// In-memory full-text search over the pages. Every term must match (as a word or the start of one, any case); a
/// page scores per term by the best field it matched in: title, then headings and keywords, then description, then
/// body (a little more for a word used often).
/// </summary>
public sealed class DocumentationSearch
{
    private const int TitleWeight = 100;
    private const int HeadingWeight = 30;
    private const int DescriptionWeight = 10;
    private const int MaxBodyScore = 5;
    private const int SnippetLength = 220;
    private const int SnippetLead = 60;

    private readonly IReadOnlyList<IndexedPage> _pages;

    public DocumentationSearch(IEnumerable<DocPage> pages)
    {
        _pages = pages.Select(p => new IndexedPage(p)).ToList();
    }

    public IReadOnlyList<SearchHit> Find(string? query, DocReader reader, int limit = 50)
    {
        var terms = SearchTerms.FromQuery(query);
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        var order = 0;
        var ranked = new List<(IndexedPage Page, int Score, int Order)>();
        foreach (var page in _pages)
        {
            order++;
            if (!reader.MaySee(page.Page))
            {
                continue;
            }

            var total = 0;
            foreach (var term in terms)
            {
                var score = Score(page, term);
                if (score == 0)
                {
                    total = 0;
                    break;
                }

                total += score;
            }

            if (total > 0)
            {
                ranked.Add((page, total, order));
            }
        }

        var pattern = MatchPattern(terms);
        foreach (var (page, score, _) in ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Order).Take(limit))
        {
            hits.Add(new SearchHit(page.Page, score, Snippet(page.Page, pattern)));
        }

        return hits;
    }

    private static int Score(IndexedPage page, string term)
    {
        if (page.Title.Any(w => w.StartsWith(term, StringComparison.Ordinal)))
        {
            return TitleWeight;
        }

        if (page.Headings.Any(w => w.StartsWith(term, StringComparison.Ordinal)))
        {
            return HeadingWeight;
        }

        if (page.Description.Any(w => w.StartsWith(term, StringComparison.Ordinal)))
        {
            return DescriptionWeight;
        }

        var uses = page.Body.Where(p => p.Key.StartsWith(term, StringComparison.Ordinal)).Sum(p => p.Value);
        return uses == 0 ? 0 : Math.Min(MaxBodyScore, 1 + uses / 3);
    }

    /// <summary>Whole words starting with any term, not inside another word.</summary>
    private static Regex MatchPattern(IEnumerable<string> terms) =>
        new(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', terms.Select(Regex.Escape)) + @")[\p{L}\p{N}]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A stretch of the body around the first match (or the description), encoded, matches marked.</summary>
    private static string Snippet(DocPage page, Regex pattern)
    {
        var body = Regex.Replace(page.PlainText, @"\s+", " ").Trim();
        var first = pattern.Match(body);
        var (text, start) = first.Success ? (body, Math.Max(0, first.Index - SnippetLead)) : (page.Description, 0);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first.Index ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length && text.LastIndexOf(' ', end) is var space2 && space2 > start)
        {
            end = space2;
        }

        var html = new StringBuilder(start > 0 ? "… " : "");
        var position = start;
        foreach (Match match in pattern.Matches(text[..end], start))
        {
            html.Append(WebUtility.HtmlEncode(text[position..match.Index]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(match.Value)).Append("</mark>");
            position = match.Index + match.Length;
        }

        html.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length)
        {
            html.Append(" …");
        }

        return html.ToString();
    }
}
