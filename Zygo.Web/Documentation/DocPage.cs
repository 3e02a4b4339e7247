namespace Zygo.Web.Documentation;

/// <summary>One documentation page, loaded from its Markdown file and rendered for both areas.</summary>
public sealed class DocPage
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }

    /// <summary>The folder the file lives in, which is the category's address (<c>/docs/category/&lt;folder&gt;</c>).</summary>
    public required string CategoryFolder { get; init; }

    public required int Order { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public required DocAudience Audience { get; init; }
    public required string Markdown { get; init; }

    /// <summary>Rendered with links into the public site (<c>/docs/…</c>).</summary>
    public required string PublicHtml { get; init; }

    /// <summary>Rendered with links into the signed-in area (<c>/documentation/…</c>).</summary>
    public required string InternalHtml { get; init; }

    public required IReadOnlyList<TocEntry> Toc { get; init; }

    /// <summary>Every anchor id in the page, for the link checker and in-page links.</summary>
    public required IReadOnlySet<string> Anchors { get; init; }

    /// <summary>The page's text without markup, for search.</summary>
    public required string PlainText { get; init; }

    public required int ReadTimeMinutes { get; init; }
    public required DateTime LastUpdated { get; init; }

    public bool IsPublic => Audience == DocAudience.Public;

    public string HtmlFor(DocArea area) => area == DocArea.Public ? PublicHtml : InternalHtml;
}
