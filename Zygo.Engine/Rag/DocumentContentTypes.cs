namespace Zygo.Engine.Rag;

/// <summary>
/// The kinds of document the built-in store takes: plain text and Markdown. PDFs are refused with a message: no PDF
/// text extractor is on this build's package feed, and guessing text out of PDF bytes would store garbage.
/// </summary>
public static class DocumentContentTypes
{
    public const string Text = "text/plain";
    public const string Markdown = "text/markdown";

    /// <summary>The stored content type for an upload, from its declared type and file name; null when not accepted.</summary>
    public static string? Resolve(string? contentType, string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (extension is ".md" or ".markdown" || type is Markdown or "text/x-markdown")
        {
            return Markdown;
        }

        if (extension is ".pdf" || type == "application/pdf")
        {
            return null;
        }

        return extension is ".txt" or ".text" or "" || type.StartsWith("text/", StringComparison.Ordinal) ? Text : null;
    }

    public const string Accepted = "Upload plain text (.txt) or Markdown (.md). PDF files are not read in this version: paste their text instead.";
}
