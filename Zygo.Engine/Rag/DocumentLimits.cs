namespace Zygo.Engine.Rag;

/// <summary>Bounds of the built-in store, checked before anything is written.</summary>
public static class DocumentLimits
{
    /// <summary>Largest document, in UTF-8 bytes; below the API's request limit so the store's own message is what users see.</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    public const int MaxTitleLength = 400;
    public const int MaxNameLength = 200;
}
