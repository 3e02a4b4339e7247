namespace Zygo.Engine.Rag.Pdf;

/// <summary>Bounds that keep a crafted PDF from using unbounded memory or time on the server.</summary>
public static class PdfLimits
{
    /// <summary>All streams decoded while reading one file, together (a zip-bomb guard).</summary>
    public const int MaxDecodedBytes = 50 * 1024 * 1024;

    public const int MaxPages = 5_000;

    public const int MaxObjects = 500_000;

    /// <summary>Form XObjects drawn inside form XObjects.</summary>
    public const int MaxFormDepth = 8;
}
