using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Zygo.Web.Documentation.Rendering;

/// <summary>
/// Markdown to HTML for the docs. Raw HTML is not rendered, attributes written in the Markdown are limited to id and
/// class, and a link or image whose address is not http, https, mailto or relative is dropped from the tree before
/// rendering, so no script in a page can reach a reader.
/// </summary>
public static class DocRenderer
{
    private static readonly string[] Admonitions = ["note", "warning", "tip"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.Default)
        .UsePipeTables()
        .UseTaskLists()
        .UseCustomContainers()
        .UseGenericAttributes()
        .DisableHtml()
        .Build();

    public static RenderedDoc Render(string markdown, LinkTargets links)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        StripAttributes(document);
        RewriteLinks(document, links);
        MarkAdmonitions(document);

        var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new HighlightedCodeBlockRenderer());
        renderer.Render(document);

        var plain = PlainText(document);
        var words = plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return new RenderedDoc(html.ToString(), TableOfContents(document), Anchors(document), plain, words);
    }

    /// <summary>Generic attributes may set any attribute (onerror=…); only id and classes are kept.</summary>
    private static void StripAttributes(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            if (node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
            {
                properties.Clear();
            }
        }
    }

    private static void RewriteLinks(MarkdownDocument document, LinkTargets links)
    {
        UnsafeLinks.Remove(document);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            link.GetDynamicUrl = null;
            if (url is not null)
            {
                link.Url = link.IsImage ? LinkTargets.Image(url) : links.Link(url);
            }
        }
    }

    private static void MarkAdmonitions(MarkdownDocument document)
    {
        foreach (var container in document.Descendants<CustomContainer>())
        {
            var kind = container.Info?.Trim().ToLowerInvariant();
            var attributes = container.GetAttributes();
            attributes.Classes?.Clear();
            attributes.AddClass("admonition");
            if (kind is not null && Admonitions.Contains(kind))
            {
                attributes.AddClass("admonition-" + kind);
                attributes.AddProperty("role", kind == "warning" ? "alert" : "note");
            }
        }
    }

    private static List<TocEntry> TableOfContents(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.TryGetAttributes()?.Id is not null)
            .Select(h => new TocEntry(h.Level, InlineText(h.Inline), h.GetAttributes().Id!))
            .ToList();

    private static HashSet<string> Anchors(MarkdownDocument document) =>
        document.Descendants()
            .Select(node => node.TryGetAttributes()?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static string PlainText(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            text.Append(leaf.Inline is { } inline ? InlineText(inline) : leaf is CodeBlock ? leaf.Lines.ToString() : "");
            text.Append('\n');
        }

        return text.ToString();
    }

    internal static string InlineText(ContainerInline? container)
    {
        var text = new StringBuilder();
        foreach (var inline in container?.Descendants<Inline>() ?? [])
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                _ => "",
            });
        }

        return text.ToString();
    }
}
