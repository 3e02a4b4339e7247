namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>A name such as <c>/Font</c>, with <c>#xx</c> escapes already decoded.</summary>
internal sealed record PdfName(string Value);
