using System.Text;
using Zygo.Engine.Rag.Pdf;

namespace Zygo.Engine.Rag;

/// <summary>
/// Turns an uploaded file into a document: UTF-8 text and Markdown as they are, a PDF through its text layer (pages
/// separated by a blank line, stored as plain text, the page count in the metadata as <c>pages</c>). Refusals are
/// <see cref="DocumentInputException"/>s on the field <c>file</c>.
/// </summary>
public static class DocumentFile
{
    public static DocumentFileResult Read(DocumentUpload upload)
    {
        var type = DocumentContentTypes.Resolve(upload.ContentType, upload.FileName)
            ?? throw new DocumentInputException("file", DocumentContentTypes.Accepted);
        if (upload.Bytes.Length > DocumentLimits.MaxDocumentBytes)
        {
            throw new DocumentInputException("file",
                $"The file is larger than {DocumentLimits.MaxDocumentBytes / (1024 * 1024)} MB; split it into smaller documents.",
                KnowledgeProblem.TooLarge);
        }

        var fileName = Path.GetFileName(upload.FileName);
        var title = string.IsNullOrWhiteSpace(upload.Title) ? Path.GetFileNameWithoutExtension(fileName) : upload.Title;
        if (type != DocumentContentTypes.Pdf)
        {
            return new DocumentFileResult(new DocumentInput(title, Utf8(upload.Bytes), type, fileName, upload.Metadata), []);
        }

        var pdf = ExtractPdf(upload.Bytes);
        var metadata = upload.Metadata?.DeepClone().AsObject() ?? [];
        metadata["pages"] = pdf.Pages.Count;
        return new DocumentFileResult(new DocumentInput(title, pdf.Text, DocumentContentTypes.Text, fileName, metadata), pdf.Notes);
    }

    private static PdfText ExtractPdf(byte[] bytes)
    {
        try
        {
            return PdfTextExtractor.Extract(bytes);
        }
        catch (PdfReadException ex)
        {
            throw new DocumentInputException("file", ex.Message);
        }
    }

    private static string Utf8(byte[] bytes)
    {
        try
        {
            // UTF-8 only: a UTF-16 byte-order mark must not switch the decoder, it marks a file we refuse.
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            if (!text.Contains('\0'))
            {
                return text;
            }
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: refused below, like text holding NUL characters (a binary file).
        }

        throw new DocumentInputException("file", "The file is not UTF-8 text. " + DocumentContentTypes.Accepted);
    }
}
