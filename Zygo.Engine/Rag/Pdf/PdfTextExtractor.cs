using Zygo.Engine.Rag.Pdf.Objects;
using Zygo.Engine.Rag.Pdf.Syntax;
using Zygo.Engine.Rag.Pdf.Text;

namespace Zygo.Engine.Rag.Pdf;

/// <summary>
/// Reads the text layer of a PDF: objects through the cross-reference data (or a scan of a damaged file), the page tree,
/// each page's content stream with its fonts. Every refusal or failure is a <see cref="PdfReadException"/> with a
/// message for the uploader: not a PDF, password-protected, no text layer, over a size limit, damaged beyond reading.
/// </summary>
public static class PdfTextExtractor
{
    /// <summary>"%PDF-" may follow some junk; readers accept it within the first kilobyte.</summary>
    private const int HeaderWindow = 1024;

    public static PdfText Extract(byte[] data)
    {
        if (data.AsSpan(0, Math.Min(data.Length, HeaderWindow)).IndexOf("%PDF-"u8) < 0)
        {
            throw new PdfReadException("The file is not a PDF: it does not start with a %PDF- header.");
        }

        try
        {
            return Read(data);
        }
        catch (PdfReadException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The readers recover from the damage they know; anything else means the file is broken in a way they do not.
            throw new PdfReadException("The PDF could not be read: the file looks damaged.", ex);
        }
    }

    private static PdfText Read(byte[] data)
    {
        var notes = new List<string>();
        var objects = Open(data, notes);
        if (objects.Trailer.ContainsKey("Encrypt"))
        {
            throw new PdfReadException("The PDF is encrypted: password-protected PDFs cannot be read. Save an unprotected copy and upload that.");
        }

        var pages = PdfPageTree.Collect(objects);
        if (pages.Count == 0)
        {
            throw new PdfReadException("The PDF could not be read: no pages were found, so the file looks damaged.");
        }

        var fonts = new PdfFontReader(objects);
        var texts = pages.Select((page, index) => PageText(objects, fonts, page, index + 1, notes)).ToList();
        if (texts.All(t => t.Length == 0))
        {
            throw new PdfReadException("This PDF has no text layer (a scanned image?): run OCR on it first, then upload the result.");
        }

        return new PdfText(texts, notes);
    }

    private static PdfObjectTable Open(byte[] data, List<string> notes)
    {
        var objects = new PdfObjectTable(data, new PdfBudget(), notes);
        try
        {
            PdfXrefReader.Read(objects);
        }
        catch (PdfFormatException)
        {
            PdfObjectScanner.Scan(objects);
        }

        return objects;
    }

    private static string PageText(PdfObjectTable objects, PdfFontReader fonts, PdfPage page, int number, List<string> notes)
    {
        var output = new PdfPageTextBuilder();
        try
        {
            new PdfContentInterpreter(objects, fonts, output).Run(Contents(objects, page), page.Resources);
        }
        catch (PdfFormatException ex)
        {
            notes.Add($"Page {number} was read only in part: {ex.Message}.");
        }

        return output.Build();
    }

    /// <summary>The page's content: one stream, or an array of streams read as one (an operator may span two of them).</summary>
    private static byte[] Contents(PdfObjectTable objects, PdfPage page)
    {
        var streams = objects.Resolve(page.Dictionary.Get("Contents")) switch
        {
            PdfStream stream => [stream],
            PdfArray array => array.Select(objects.Resolve).OfType<PdfStream>().ToList(),
            _ => new List<PdfStream>(),
        };
        using var content = new MemoryStream();
        foreach (var stream in streams)
        {
            if (objects.Decode(stream) is { } decoded)
            {
                content.Write(decoded);
                content.WriteByte((byte)'\n');
            }
        }

        return content.ToArray();
    }
}
