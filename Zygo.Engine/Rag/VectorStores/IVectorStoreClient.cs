namespace Zygo.Engine.Rag.VectorStores;

/// <summary>Searches an external vector database over its HTTP API (no SDK).</summary>
public interface IVectorStoreClient
{
    /// <summary>The store's name in messages and in the node's <c>store</c> output.</summary>
    string Name { get; }

    /// <summary>True when the store can embed the query text itself, so a search needs no embedding model of ours.</summary>
    bool EmbedsQueryText { get; }

    /// <summary>Passages best first; the store's own scores mapped to 0–1 similarities (higher is closer).</summary>
    Task<IReadOnlyList<Passage>> SearchAsync(VectorStoreQuery query, CancellationToken cancellationToken);
}
