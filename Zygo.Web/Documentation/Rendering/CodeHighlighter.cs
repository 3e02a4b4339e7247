using System.Net;
using System.Text;

namespace Zygo.Web.Documentation.Rendering;

/// <summary>
/// Server-side highlighting of code blocks: a small tokenizer that wraps keywords, strings, comments, numbers and
/// keys in spans. Everything else is HTML-encoded as it is; an unknown language comes back encoded, unhighlighted.
/// </summary>
public static class CodeHighlighter
{
    public const string Keyword = "tk-keyword";
    public const string String = "tk-string";
    public const string Comment = "tk-comment";
    public const string Number = "tk-number";
    public const string Key = "tk-key";

    public static string Highlight(string code, string? language)
    {
        var syntax = SyntaxLanguage.Find(language);
        if (syntax is null)
        {
            return WebUtility.HtmlEncode(code);
        }

        var html = new StringBuilder(code.Length * 2);
        var i = 0;
        while (i < code.Length)
        {
            var atLineStart = i == 0 || code[i - 1] == '\n';
            if (atLineStart && syntax.LineKeys && LineKeyLength(code, i) is > 0 and var keyLength)
            {
                Span(html, Key, code.Substring(i, keyLength));
                i += keyLength;
                continue;
            }

            var c = code[i];
            if (StartsComment(syntax, code, i) is { } close)
            {
                var end = close == "\n" ? IndexOrEnd(code, '\n', i) : EndAfter(code, close, i + 1);
                Span(html, Comment, code[i..end]);
                i = end;
            }
            else if (syntax.Quotes.Contains(c))
            {
                var end = StringEnd(code, i);
                var isKey = syntax.QuotedKeys && NextNonSpace(code, end) == ':';
                Span(html, isKey ? Key : String, code[i..end]);
                i = end;
            }
            else if (char.IsDigit(c) && (i == 0 || !IsWordChar(code[i - 1])))
            {
                var end = i;
                while (end < code.Length && (char.IsAsciiLetterOrDigit(code[end]) || code[end] is '.' or '_'))
                {
                    end++;
                }

                Span(html, Number, code[i..end]);
                i = end;
            }
            else if (IsWordChar(c))
            {
                var end = i;
                while (end < code.Length && (IsWordChar(code[end]) || syntax.ExtraWordChars.Contains(code[end])))
                {
                    end++;
                }

                var word = code[i..end];
                if (syntax.Keywords.Contains(word))
                {
                    Span(html, Keyword, word);
                }
                else
                {
                    html.Append(WebUtility.HtmlEncode(word));
                }

                i = end;
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(c.ToString()));
                i++;
            }
        }

        return html.ToString();
    }

    /// <summary>The closing marker of a comment starting at <paramref name="i"/> ("\n" for a line comment), or null.</summary>
    private static string? StartsComment(SyntaxLanguage syntax, string code, int i)
    {
        if (syntax.BlockComment is { } block && string.CompareOrdinal(code, i, block.Open, 0, block.Open.Length) == 0)
        {
            return block.Close;
        }

        foreach (var marker in syntax.LineComments)
        {
            if (string.CompareOrdinal(code, i, marker, 0, marker.Length) == 0
                && (!syntax.CommentNeedsSpaceBefore || i == 0 || char.IsWhiteSpace(code[i - 1])))
            {
                return "\n";
            }
        }

        return null;
    }

    /// <summary>Length of a <c>key:</c> at the start of a line (after indentation and a list dash), or 0.</summary>
    private static int LineKeyLength(string code, int start)
    {
        var i = start;
        while (i < code.Length && (code[i] is ' ' or '\t' || code[i] == '-' && i + 1 < code.Length && code[i + 1] == ' '))
        {
            i++;
        }

        var keyStart = i;
        while (i < code.Length && (IsWordChar(code[i]) || code[i] is '-' or '.'))
        {
            i++;
        }

        var followedByColon = i > keyStart && i < code.Length && code[i] == ':'
            && (i + 1 == code.Length || code[i + 1] is ' ' or '\n' or '\r');
        return followedByColon ? i + 1 - start : 0;
    }

    private static int StringEnd(string code, int start)
    {
        var quote = code[start];
        for (var i = start + 1; i < code.Length; i++)
        {
            if (code[i] == '\\')
            {
                i++;
            }
            else if (code[i] == quote)
            {
                return i + 1;
            }
            else if (code[i] == '\n' && quote != '`')
            {
                return i;
            }
        }

        return code.Length;
    }

    private static int IndexOrEnd(string code, char c, int from)
    {
        var index = code.IndexOf(c, from);
        return index < 0 ? code.Length : index;
    }

    private static int EndAfter(string code, string close, int from)
    {
        var index = code.IndexOf(close, from, StringComparison.Ordinal);
        return index < 0 ? code.Length : index + close.Length;
    }

    private static char? NextNonSpace(string code, int from)
    {
        for (var i = from; i < code.Length; i++)
        {
            if (!char.IsWhiteSpace(code[i]))
            {
                return code[i];
            }
        }

        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static void Span(StringBuilder html, string css, string text) =>
        html.Append("<span class=\"").Append(css).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
}
