using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Zygo.Web.Documentation.Rendering;

/// <summary>Writes code blocks through <see cref="CodeHighlighter"/>, labelled with their language.</summary>
internal sealed class HighlightedCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        var language = (block as FencedCodeBlock)?.Info?.Trim().ToLowerInvariant();
        var code = block.Lines.ToString();
        renderer.EnsureLine();
        renderer.Write("<pre class=\"doc-code\"");
        if (!string.IsNullOrEmpty(language))
        {
            renderer.Write(" data-lang=\"").WriteEscape(language).Write('"');
        }

        renderer.Write("><code");
        if (!string.IsNullOrEmpty(language))
        {
            renderer.Write(" class=\"language-").WriteEscape(language).Write('"');
        }

        renderer.Write('>').Write(CodeHighlighter.Highlight(code, language)).Write("</code></pre>").WriteLine();
    }
}
