namespace Zygo.Web.Collections;

/// <summary>A document over the store's size limit; shown as 413.</summary>
public sealed class DocumentTooLargeException(string message) : Exception(message);
