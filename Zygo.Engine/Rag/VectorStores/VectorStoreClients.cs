using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>The client for each external store kind.</summary>
internal static class VectorStoreClients
{
    public static IVectorStoreClient For(VectorStoreKind kind, HttpClient http, TimeSpan timeout) => kind switch
    {
        VectorStoreKind.Qdrant => new QdrantClient(http, timeout),
        VectorStoreKind.Chroma => new ChromaClient(http, timeout),
        VectorStoreKind.Pinecone => new PineconeClient(http, timeout),
        VectorStoreKind.Weaviate => new WeaviateClient(http, timeout),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an external vector store."),
    };
}
