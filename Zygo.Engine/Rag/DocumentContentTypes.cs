namespace Zygo.Engine.Rag;

/// <summary>
/// The kinds of document the built-in store takes: plain text, Markdown, and PDFs with a text layer, whose text is
/// extracted on upload and stored as plain text (<see cref="DocumentFile"/>).
/// </summary>
public static class DocumentContentTypes
{
    public const string Text = "text/plain";
    public const string Markdown = "text/markdown";
    public const string Pdf = "application/pdf";

    /// <summary>The type of an upload, from its declared type and file name; null when not accepted.</summary>
    public static string? Resolve(string? contentType, string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (extension is ".md" or ".markdown" || type is Markdown or "text/x-markdown")
        {
            return Markdown;
        }

        if (extension is ".pdf" || type == Pdf)
        {
            return Pdf;
        }

        return extension is ".txt" or ".text" or "" || type.StartsWith("text/", StringComparison.Ordinal) ? Text : null;
    }

    public const string Accepted = "Upload plain text (.txt), Markdown (.md) or a PDF with a text layer (.pdf).";

    /// <summary>What the Documents page's file picker offers.</summary>
    public const string FilePickerAccept = ".txt,.md,.markdown,.pdf,text/plain,text/markdown,application/pdf";
}
