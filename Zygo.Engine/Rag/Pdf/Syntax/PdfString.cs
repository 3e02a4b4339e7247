namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>A literal or hex string: raw bytes, whose meaning depends on where it is used (font codes, text, keys).</summary>
internal sealed record PdfString(byte[] Bytes);
