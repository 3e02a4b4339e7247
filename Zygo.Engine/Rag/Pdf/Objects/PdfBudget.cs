namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>Counts decoded bytes across a whole file and stops reading when the total passes <see cref="PdfLimits.MaxDecodedBytes"/>.</summary>
internal sealed class PdfBudget(int maxBytes = PdfLimits.MaxDecodedBytes)
{
    private long used;

    public void Take(int bytes)
    {
        used += bytes;
        if (used > maxBytes)
        {
            throw new PdfReadException(
                $"The PDF expands to more than {maxBytes / (1024 * 1024)} MB when decompressed; it is refused to protect the server. Split it into smaller files.");
        }
    }
}
