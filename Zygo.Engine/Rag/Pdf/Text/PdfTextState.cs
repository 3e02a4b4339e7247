namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>The graphics and text state a content stream changes; <c>q</c>/<c>Q</c> save and restore copies of it.</summary>
internal sealed record PdfTextState
{
    public PdfMatrix Ctm { get; set; } = PdfMatrix.Identity;

    public PdfFont? Font { get; set; }

    public double FontSize { get; set; } = 12;

    public double CharSpacing { get; set; }

    public double WordSpacing { get; set; }

    /// <summary>Horizontal scaling as a factor (Tz 100 = 1).</summary>
    public double Scaling { get; set; } = 1;

    public double Leading { get; set; }
}
