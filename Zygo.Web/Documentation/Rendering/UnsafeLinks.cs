using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Zygo.Web.Documentation.Rendering;

/// <summary>
/// Takes links and images whose address is not http, https, mailto or relative out of a parsed Markdown document
/// before it is rendered, so that no <c>javascript:</c> address reaches a reader (docs pages and chat replies alike).
/// </summary>
public static class UnsafeLinks
{
    public static void Remove(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!UrlSafety.IsSafe(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                Neutralise(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!UrlSafety.IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    /// <summary>A link keeps its text without the link; an image becomes its alt text.</summary>
    private static void Neutralise(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(DocRenderer.InlineText(link)), copyChildren: false);
            return;
        }

        foreach (var child in link.ToList())
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }
}
