namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>
/// Turns a font's string bytes into glyphs: codes split by the code space, text from the <c>/ToUnicode</c> CMap or else
/// the simple encoding, widths for spacing decisions.
/// </summary>
internal sealed class PdfFont(PdfCodeSpace codes, PdfCMap? toUnicode, string?[]? encoding, Func<uint, double> width)
{
    /// <summary>Used when a page shows text without selecting a font: ASCII-like, average widths.</summary>
    public static readonly PdfFont Fallback = new(PdfCodeSpace.OneByte, null, PdfEncodings.Standard, _ => 0.5);

    public List<PdfGlyph> Decode(byte[] bytes)
    {
        var glyphs = new List<PdfGlyph>(bytes.Length);
        for (var position = 0; position < bytes.Length;)
        {
            var (code, length) = codes.Next(bytes, position);
            position += length;
            var text = toUnicode?.Lookup(code, length) ?? (length == 1 && encoding is not null ? encoding[code] : null) ?? "";
            glyphs.Add(new PdfGlyph(text, width(code), length == 1 && code == 32));
        }

        return glyphs;
    }
}
