namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>A PDF transformation matrix [a b c d e f]; points are row vectors, so <c>A.Then(B)</c> applies A first.</summary>
internal readonly record struct PdfMatrix(double A, double B, double C, double D, double E, double F)
{
    public static readonly PdfMatrix Identity = new(1, 0, 0, 1, 0, 0);

    public static PdfMatrix Translation(double x, double y) => new(1, 0, 0, 1, x, y);

    public PdfMatrix Then(PdfMatrix m) => new(
        A * m.A + B * m.C, A * m.B + B * m.D,
        C * m.A + D * m.C, C * m.B + D * m.D,
        E * m.A + F * m.C + m.E, E * m.B + F * m.D + m.F);

    /// <summary>How long one unit along this space's y axis is after the transformation: the scale of a font size.</summary>
    public double VerticalScale => Math.Sqrt(C * C + D * D);
}
