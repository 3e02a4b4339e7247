namespace Zygo.Engine.Nodes.Ai;

/// <summary>Where in the vector store the RAG Context node searches.</summary>
public sealed record VectorStoreSettings : ApiCredential
{
    /// <summary>Base URL of the store (Qdrant, Chroma, Weaviate) or the index host (Pinecone); unused by the built-in store.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>Index (collection) name; for the built-in store, the name of a collection on the Knowledge page.</summary>
    public string IndexName { get; init; } = "";

    /// <summary>Namespace inside the index, where the store has them.</summary>
    public string? Namespace { get; init; }
}
