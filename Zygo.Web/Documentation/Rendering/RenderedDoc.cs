namespace Zygo.Web.Documentation.Rendering;

/// <summary>A page's Markdown rendered for one area, with what was learnt from its syntax tree.</summary>
public sealed record RenderedDoc(string Html, IReadOnlyList<TocEntry> Toc, IReadOnlySet<string> Anchors, string PlainText, int WordCount)
{
    public const int WordsPerMinute = 200;

    public int ReadTimeMinutes => Math.Max(1, (int)Math.Ceiling(WordCount / (double)WordsPerMinute));
}
