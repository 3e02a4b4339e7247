namespace Zygo.Web.Documentation;

/// <summary>A heading in a page's table of contents: level 2 or 3, its text and its anchor id.</summary>
public sealed record TocEntry(int Level, string Text, string Id);
