using Markdig;
using Zygo.Web.Documentation.Rendering;

namespace Zygo.Web.Chat;

/// <summary>
/// A reply's Markdown as HTML that is safe to show: raw HTML is written as text, no attribute syntax, and unsafe link
/// addresses are dropped as in the docs. Models echo what users and tools feed them, so a reply is untrusted input.
/// </summary>
public static class ChatMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        UnsafeLinks.Remove(document);
        return document.ToHtml(Pipeline);
    }
}
