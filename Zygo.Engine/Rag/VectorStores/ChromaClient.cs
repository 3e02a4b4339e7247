using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>
/// Chroma's v2 REST API: the collection's id by name (<c>GET …/collections/{name}</c>), then <c>POST
/// …/collections/{id}/query</c> with <c>query_embeddings</c>, <c>n_results</c> and a <c>where</c> filter. The
/// namespace is <c>tenant/database</c> or a database of the default tenant. Chroma returns distances; the score is
/// 1 − distance, a cosine similarity for the usual cosine collections (other spaces give scores near 0). The key goes
/// in the <c>x-chroma-token</c> header.
/// </summary>
internal sealed class ChromaClient(HttpClient http, TimeSpan timeout) : IVectorStoreClient
{
    public string Name => "Chroma";
    public bool EmbedsQueryText => false;

    public async Task<IReadOnlyList<Passage>> SearchAsync(VectorStoreQuery query, CancellationToken cancellationToken)
    {
        var (tenant, database) = Place(query.Namespace);
        var send = new VectorStoreHttp(http, Name, timeout);
        void Headers(System.Net.Http.Headers.HttpRequestHeaders h)
        {
            if (!string.IsNullOrEmpty(query.ApiKey))
            {
                h.Add("x-chroma-token", query.ApiKey);
            }
        }

        var collection = await send.SendAsync(HttpMethod.Get,
            StoreUrls.Under(query.Endpoint, "api", "v2", "tenants", tenant, "databases", database, "collections", query.Collection),
            null, Headers, query.Collection, cancellationToken);
        var id = collection?["id"]?.ToString() ?? throw new NodeFailedException($"Chroma did not say the id of collection '{query.Collection}'.");

        var body = new JsonObject
        {
            ["query_embeddings"] = new JsonArray(new JsonArray(query.Vector!.Select(v => (JsonNode)v).ToArray())),
            ["n_results"] = query.TopK,
            ["include"] = new JsonArray("documents", "metadatas", "distances"),
        };
        if (Where(query.Filters) is { } where)
        {
            body["where"] = where;
        }

        var answer = await send.SendAsync(HttpMethod.Post,
            StoreUrls.Under(query.Endpoint, "api", "v2", "tenants", tenant, "databases", database, "collections", id, "query"),
            body, Headers, query.Collection, cancellationToken);
        var ids = First(answer, "ids");
        var documents = First(answer, "documents");
        var metadatas = First(answer, "metadatas");
        var distances = First(answer, "distances");
        return Enumerable.Range(0, ids.Count).Select(i =>
        {
            var (payloadText, source, metadata) = PayloadText.Split(metadatas.ElementAtOrDefault(i) as JsonObject);
            var text = documents.ElementAtOrDefault(i)?.ToString() ?? payloadText;
            var distance = distances.ElementAtOrDefault(i)?.GetValue<double>() ?? 1;
            return new Passage(text, Math.Clamp(1 - distance, 0, 1), source, ids[i]?.ToString(), metadata);
        }).ToList();
    }

    private static (string Tenant, string Database) Place(string? ns)
    {
        var parts = (ns ?? "").Split('/', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            2 => (parts[0], parts[1]),
            1 => ("default_tenant", parts[0]),
            _ => ("default_tenant", "default_database"),
        };
    }

    /// <summary>Chroma's where: one condition as <c>{key: value}</c>, several under <c>$and</c>; arrays as <c>$in</c>.</summary>
    private static JsonObject? Where(JsonObject filters)
    {
        var conditions = filters.Select(f => new JsonObject
        {
            [f.Key] = f.Value is JsonArray any ? new JsonObject { ["$in"] = any.DeepClone() } : f.Value?.DeepClone(),
        }).ToList();
        return conditions.Count switch
        {
            0 => null,
            1 => conditions[0],
            _ => new JsonObject { ["$and"] = new JsonArray(conditions.Cast<JsonNode>().ToArray()) },
        };
    }

    /// <summary>The first query's row of a per-query list (Chroma answers one list per query embedding).</summary>
    private static JsonArray First(JsonNode? answer, string field) => answer?[field] is JsonArray { Count: > 0 } rows && rows[0] is JsonArray row ? row : [];
}
