namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>An array; items are parsed values (numbers are doubles, null is null).</summary>
internal sealed class PdfArray : List<object?>;
