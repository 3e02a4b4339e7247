namespace Zygo.Engine.Rag.VectorStores;

/// <summary>Request URLs under a store's base URL, with each path segment escaped so a collection name cannot change the path.</summary>
internal static class StoreUrls
{
    public static Uri Under(Uri endpoint, params string[] segments) =>
        new(endpoint.AbsoluteUri.TrimEnd('/') + "/" + string.Join('/', segments.Select(Uri.EscapeDataString)));
}
