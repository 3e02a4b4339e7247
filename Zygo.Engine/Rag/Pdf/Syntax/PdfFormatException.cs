namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>
/// Damage inside the file (bad nesting, a broken cross-reference section). Internal: callers recover from it (rescan the
/// file, skip a page); what reaches users is a <see cref="PdfReadException"/>.
/// </summary>
internal sealed class PdfFormatException(string message) : Exception(message);
