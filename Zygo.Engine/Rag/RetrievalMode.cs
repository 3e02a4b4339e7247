namespace Zygo.Engine.Rag;

/// <summary>How passages were found, as the node's <c>mode</c> output names it.</summary>
public static class RetrievalMode
{
    /// <summary>By the similarity of our embedding of the query to the stored vectors.</summary>
    public const string Semantic = "semantic";

    /// <summary>By the query's words (full-text index); the built-in store's fallback without an embedding model.</summary>
    public const string Keyword = "keyword";

    /// <summary>The store embedded the query text itself (Weaviate's nearText, with a vectorizer module).</summary>
    public const string StoreEmbedded = "store_embedded";
}
