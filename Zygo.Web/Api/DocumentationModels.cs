using Zygo.Web.Documentation;

namespace Zygo.Web.Api;

/// <summary>A documentation page in lists.</summary>
public sealed record DocumentationSummary(
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
    public static DocumentationSummary From(DocPage page) => new(page.Slug, page.Title, page.Category, page.Order,
        page.Description, page.Keywords, page.ReadTimeMinutes, page.LastUpdated, page.IsPublic);
}

/// <summary>One documentation page with its rendered HTML (links into the area it was asked from), Markdown and contents.</summary>
public sealed record DocumentationDetail(
    string Slug,
    string Title,
    string Category,
    int Order,
    string Description,
    IReadOnlyList<string> Keywords,
    int ReadTime,
    DateTime LastUpdated,
    bool IsPublic,
    string Html,
    string Markdown,
    IReadOnlyList<TocEntry> Toc)
{
    public static DocumentationDetail From(DocPage page, DocArea area) => new(page.Slug, page.Title, page.Category, page.Order,
        page.Description, page.Keywords, page.ReadTimeMinutes, page.LastUpdated, page.IsPublic, page.HtmlFor(area),
        page.Markdown, page.Toc);
}
