using Zygo.Web.Documentation;

namespace Zygo.Web.Api;

/// <summary>A documentation page in lists.</summary>
public record DocumentationSummary(
    string Slug,
    string Title,
    string Category,
    int Order,
    string Description,
    IReadOnlyList<string> Keywords,
    int ReadTime,
    DateTime LastUpdated,
    bool IsPublic)
{
    protected DocumentationSummary(DocPage page) : this(page.Slug, page.Title, page.Category, page.Order,
        page.Description, page.Keywords, page.ReadTimeMinutes, page.LastUpdated, page.IsPublic)
    {
    }

    public static DocumentationSummary From(DocPage page) => new(page);
}

/// <summary>One documentation page with its rendered HTML (links into the area it was asked from), Markdown and contents.</summary>
public sealed record DocumentationDetail : DocumentationSummary
{
    private DocumentationDetail(DocPage page, DocArea area) : base(page)
    {
        Html = page.HtmlFor(area);
        Markdown = page.Markdown;
        Toc = page.Toc;
    }

    public string Html { get; }
    public string Markdown { get; }
    public IReadOnlyList<TocEntry> Toc { get; }

    public static DocumentationDetail From(DocPage page, DocArea area) => new(page, area);
}
