using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// Config of the RAG Context node (spec: RAGContextConfigData). The spec's flat <c>embeddingProvider</c>,
/// <c>embeddingModel</c>, <c>embeddingApiKey</c>, <c>embeddingApiKeyVariableId</c> are the <c>embedding</c> connection here.
/// </summary>
public sealed record RAGContextConfigData
{
    /// <summary>Where the passages live: Zygo's built-in knowledge store (the Knowledge page) or an external vector database.</summary>
    public VectorStoreKind VectorStore { get; init; } = VectorStoreKind.Builtin;

    public VectorStoreSettings VectorStoreConfig { get; init; } = new();

    /// <summary>The model that turns the query into a vector.</summary>
    public ModelConnection Embedding { get; init; } = new();

    /// <summary>What to look for; an agent passes it as the <c>query</c> argument.</summary>
    public string Query { get; init; } = "";

    /// <summary>How many passages to return.</summary>
    public int TopK { get; init; } = 5;

    /// <summary>Minimum relevance score (0 to 1) of a returned passage.</summary>
    public double ScoreThreshold { get; init; } = 0.5;

    /// <summary>Metadata the passages must match, field by field.</summary>
    public JsonObject Filters { get; init; } = [];

    /// <summary>Return each passage's metadata with its text.</summary>
    public bool IncludeMetadata { get; init; } = true;
}

/// <summary>The vector databases the RAG Context node reads from.</summary>
public enum VectorStoreKind
{
    /// <summary>Zygo's own store: collections of uploaded documents, searched by meaning or, without an embedding model, by keyword.</summary>
    Builtin,
    Pinecone,
    Weaviate,
    Qdrant,
    Chroma,
}
