namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>A bare keyword: a content-stream operator, or <c>obj</c>, <c>stream</c>, <c>trailer</c> in the file body.</summary>
internal sealed record PdfOperator(string Name);
