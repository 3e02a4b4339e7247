using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;
using Zygo.Engine.Memory;
using Zygo.Engine.Nodes.Operations;
using Zygo.Engine.Nodes.Schema;
using Zygo.Engine.Rag;
using Zygo.Engine.Rag.VectorStores;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// Finds the passages that answer a query, in Zygo's built-in knowledge store or an external vector database (Qdrant,
/// Chroma, Pinecone, Weaviate), and returns them with a ready-to-use <c>context</c> text. The built-in store searches
/// by meaning with an embedding model and by keyword without one, saying so in <c>note</c>; external stores get the
/// query's vector from our embedding model, except Weaviate, which can embed the text itself.
/// </summary>
public sealed class RagContextNodeType(EmbeddingGeneratorFactory embeddings, IHttpClientFactory httpClients) : NodeType<RAGContextConfigData>
{
    public const int MaxTopK = 100;

    public override string Id => "rag_context";
    public override string Label => "RAG Context";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "FileSearch";
    public override string Color => "#0284C7";
    public override string Description => "Retrieve augmented generation context";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("query", "string", "What to find passages about.", Required: true));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, RAGContextConfigData config, CancellationToken cancellationToken)
    {
        var query = MemoryArguments.Pick(config.Query, context.Input, "query");
        if (query.Length == 0)
        {
            throw new NodeFailedException($"'{context.Node.DisplayName}' has nothing to look for: fill 'query' or give it an input with a 'query'.");
        }

        if (config.TopK is < 1 or > MaxTopK)
        {
            throw new NodeFailedException($"'topK' must be between 1 and {MaxTopK}, not {config.TopK}.");
        }

        if (config.ScoreThreshold is < 0 or > 1)
        {
            throw new NodeFailedException($"'scoreThreshold' must be between 0 and 1, not {config.ScoreThreshold}.");
        }

        var collection = config.VectorStoreConfig.IndexName.Trim();
        if (collection.Length == 0)
        {
            throw new NodeFailedException(config.VectorStore == VectorStoreKind.Builtin
                ? $"'{context.Node.DisplayName}' names no collection: set 'vectorStoreConfig.indexName' to a collection of the Knowledge page."
                : $"'{context.Node.DisplayName}' names no index: set 'vectorStoreConfig.indexName'.");
        }

        var lookup = await embeddings.CreateAsync(context, config.Embedding, "embedding.apiKey", cancellationToken);
        var (found, mode, note) = config.VectorStore == VectorStoreKind.Builtin
            ? await BuiltinAsync(context, config, collection, query, lookup, cancellationToken)
            : await ExternalAsync(context, config, collection, query, lookup, cancellationToken);
        if (note is not null)
        {
            context.Log(note);
        }

        var passages = found.Where(p => p.Score >= config.ScoreThreshold).Take(config.TopK).ToList();
        context.Log($"Found {found.Count} passages by {mode} search in '{collection}'; returning {passages.Count}.");
        var output = new JsonObject
        {
            ["query"] = query,
            ["store"] = Name(config.VectorStore),
            ["collection"] = collection,
            ["mode"] = mode,
            ["count"] = passages.Count,
            ["results"] = new JsonArray(passages.Select(p => (JsonNode)Result(p, config.IncludeMetadata)).ToArray()),
            ["context"] = RetrievedContext.Of(passages),
        };
        if (note is not null)
        {
            output["note"] = note;
        }

        return NodeOutcome.Of(output);
    }

    private static async Task<(IReadOnlyList<Passage>, string, string?)> BuiltinAsync(NodeContext context, RAGContextConfigData config,
        string name, string query, EmbeddingLookup lookup, CancellationToken ct) =>
        await OperationsDatabase.UseAsync(context, async db =>
        {
            var tenantId = context.Execution.TenantId;
            var collection = await new DocumentStore(db, tenantId).FindByNameAsync(name, ct)
                ?? throw new NodeFailedException($"There is no knowledge collection '{name}' in this tenant; create it on the Knowledge page.");
            var retriever = new BuiltinRetriever(db, tenantId, collection.Id, config.Filters, config.ScoreThreshold);
            return lookup.Model is { } model
                ? ((IReadOnlyList<Passage>)await retriever.SemanticAsync(query, model, ct), RetrievalMode.Semantic, (string?)null)
                : (await retriever.KeywordAsync(query, ct), RetrievalMode.Keyword,
                    $"Searched by keyword: semantic search needs an embedding model and {lookup.Missing}.");
        });

    private async Task<(IReadOnlyList<Passage>, string, string?)> ExternalAsync(NodeContext context, RAGContextConfigData config,
        string collection, string query, EmbeddingLookup lookup, CancellationToken ct)
    {
        var settings = config.VectorStoreConfig;
        if (!Uri.TryCreate(settings.Endpoint.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new NodeFailedException($"'vectorStoreConfig.endpoint' must be the store's http(s) base URL, not '{settings.Endpoint}'.");
        }

        var client = VectorStoreClients.For(config.VectorStore, httpClients.CreateClient(), VectorStoreHttp.DefaultTimeout);
        if (lookup.Model is null && !client.EmbedsQueryText)
        {
            throw new NodeFailedException(
                $"{client.Name} is searched with the query's vector, and there is no embedding model to make it: {lookup.Missing}. Configure 'embedding'.");
        }

        var key = await ApiKeys.ResolveAsync(context, settings, "vectorStoreConfig.apiKey", ct);
        var vector = lookup.Model is { } model ? (await model.EmbedAsync([query], ct))[0] : null;
        var found = await client.SearchAsync(new VectorStoreQuery(endpoint, collection, settings.Namespace, key, query, vector,
            config.TopK, config.ScoreThreshold, config.Filters), ct);
        return vector is null
            ? (found, RetrievalMode.StoreEmbedded, $"No embedding model ({lookup.Missing}): {client.Name} embedded the query with its own vectorizer.")
            : (found, RetrievalMode.Semantic, null);
    }

    private static JsonObject Result(Passage passage, bool includeMetadata)
    {
        var result = new JsonObject
        {
            ["text"] = passage.Text,
            ["score"] = Math.Round(passage.Score, 4),
            ["source"] = passage.Source,
            ["documentId"] = passage.DocumentId,
        };
        if (includeMetadata)
        {
            result["metadata"] = passage.Metadata.DeepClone();
        }

        return result;
    }

    private static string Name(VectorStoreKind kind) => JsonSerializer.SerializeToElement(kind, EngineJson.Options).GetString()!;
}
