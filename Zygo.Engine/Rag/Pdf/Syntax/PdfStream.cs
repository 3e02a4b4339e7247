namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>A stream: its dictionary and where its raw (still encoded) bytes lie in <see cref="Data"/>.</summary>
internal sealed record PdfStream(PdfDictionary Dictionary, byte[] Data, int Start, int Length);
