namespace Zygo.Engine.Rag.Pdf;

/// <summary>A PDF whose text cannot be read, with a message meant for the person who uploaded it.</summary>
public sealed class PdfReadException(string message, Exception? inner = null) : Exception(message, inner);
