using System.Text;

namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>
/// Joins the runs of text a page shows into lines: a new line when the baseline moves, a blank line when it moves by
/// much more than the font size (a paragraph gap), a space when the text jumps to the right on the same line.
/// </summary>
internal sealed class PdfPageTextBuilder
{
    private const double NewLineShare = 0.5;
    private const double ParagraphShare = 2.2;
    private const double SpaceShare = 0.2;

    private readonly StringBuilder text = new();
    private double lastX;
    private double lastY;
    private double lastSize;

    /// <summary>Adds a run drawn from (x0, y0) to (x1, y1) in device space at the given font size (device units).</summary>
    public void Add(string run, double x0, double y0, double x1, double y1, double size)
    {
        if (run.Length == 0)
        {
            return;
        }

        size = Math.Max(Math.Abs(size), 1);
        if (text.Length > 0)
        {
            var lineSize = Math.Max(size, lastSize);
            var rise = Math.Abs(y0 - lastY);
            var gap = x0 - lastX;
            if (rise > ParagraphShare * lineSize)
            {
                text.Append("\n\n");
            }
            else if (rise > NewLineShare * lineSize)
            {
                text.Append('\n');
            }
            else if ((gap > SpaceShare * Math.Min(size, lastSize) || gap < -lineSize) && !char.IsWhiteSpace(text[^1]) && !char.IsWhiteSpace(run[0]))
            {
                text.Append(' ');
            }
        }

        text.Append(run);
        (lastX, lastY, lastSize) = (x1, y1, size);
    }

    /// <summary>The page's text with spacing tidied: no control characters, ligatures as letters, single spaces, trimmed lines.</summary>
    public string Build()
    {
        var lines = text.ToString().Split('\n').Select(Tidy).ToList();
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1 && (result.Length > 0 || line.Length > 0))
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().TrimEnd();
    }

    private static string Tidy(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            switch (c)
            {
                case >= '\uFB00' and <= '\uFB06':
                    // Ligature characters become their letters, so "ﬁnd" is found by a search for "find".
                    builder.Append(c.ToString().Normalize(NormalizationForm.FormKC));
                    break;
                case '\t' or '\u00A0' or '\u2002' or '\u2003' or '\u2009':
                    builder.Append(' ');
                    break;
                case '\uFFFD' or '\uFEFF':
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
