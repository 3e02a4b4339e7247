namespace Zygo.Engine.Rag.Pdf;

/// <summary>The text of a PDF, one entry per page in reading order, and notes on anything that was skipped.</summary>
public sealed record PdfText(IReadOnlyList<string> Pages, IReadOnlyList<string> Notes)
{
    /// <summary>All pages, separated by a blank line; pages without text are left out.</summary>
    public string Text => string.Join("\n\n", Pages.Where(p => p.Length > 0));
}
