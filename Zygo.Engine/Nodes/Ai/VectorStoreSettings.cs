namespace Zygo.Engine.Nodes.Ai;

/// <summary>Where in the vector store the RAG Context node searches.</summary>
public sealed record VectorStoreSettings : ApiCredential
{
    /// <summary>Base URL of the store, for self-hosted Qdrant, Chroma or Weaviate.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>Index (collection) name.</summary>
    public string IndexName { get; init; } = "";

    /// <summary>Namespace inside the index, where the store has them.</summary>
    public string? Namespace { get; init; }
}
