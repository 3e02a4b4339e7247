namespace Zygo.Web.Documentation.Search;

/// <summary>A page's words per field, prepared once for prefix matching.</summary>
internal sealed class IndexedPage
{
    public IndexedPage(DocPage page)
    {
        Page = page;
        Title = [.. SearchTerms.Words(page.Title)];
        Headings = [.. page.Toc.SelectMany(t => SearchTerms.Words(t.Text)), .. page.Keywords.SelectMany(SearchTerms.Words)];
        Description = [.. SearchTerms.Words(page.Description)];
        Body = SearchTerms.Words(page.PlainText).CountBy(w => w).ToDictionary(p => p.Key, p => p.Value);
    }

    public DocPage Page { get; }
    public HashSet<string> Title { get; }
    public HashSet<string> Headings { get; }
    public HashSet<string> Description { get; }

    /// <summary>Each body word and how often it occurs.</summary>
    public Dictionary<string, int> Body { get; }
}
