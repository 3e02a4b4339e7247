namespace Zygo.Web.Documentation.Search;

/// <summary>A page that matched a search, its score and an HTML snippet with the matches in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(DocPage Page, int Score, string SnippetHtml);
