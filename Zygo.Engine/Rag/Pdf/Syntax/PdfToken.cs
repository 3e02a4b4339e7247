namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>One lexical token; <see cref="Value"/> is a double, <see cref="PdfName"/>, <see cref="PdfString"/> or keyword string.</summary>
internal readonly record struct PdfToken(PdfTokenKind Kind, object? Value = null)
{
    public bool IsKeyword(string keyword) => Kind == PdfTokenKind.Keyword && (string)Value! == keyword;

    public bool IsInteger => Value is double d && d >= 0 && d <= int.MaxValue && d == Math.Floor(d);
}
