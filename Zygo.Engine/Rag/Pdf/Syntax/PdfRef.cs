namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>An indirect reference <c>N G R</c>.</summary>
internal readonly record struct PdfRef(int Number, int Generation);
