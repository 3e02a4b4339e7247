using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>
/// Qdrant's REST search, <c>POST /collections/{name}/points/search</c> with the query vector, <c>limit</c>,
/// <c>score_threshold</c> and a <c>must</c> filter of <c>match</c> conditions; the key goes in the <c>api-key</c> header.
/// Scores are the collection's similarity (cosine for text embeddings). Qdrant has no namespaces.
/// </summary>
internal sealed class QdrantClient(HttpClient http, TimeSpan timeout) : IVectorStoreClient
{
    public string Name => "Qdrant";
    public bool EmbedsQueryText => false;

    public async Task<IReadOnlyList<Passage>> SearchAsync(VectorStoreQuery query, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["vector"] = new JsonArray(query.Vector!.Select(v => (JsonNode)v).ToArray()),
            ["limit"] = query.TopK,
            ["score_threshold"] = query.ScoreThreshold,
            ["with_payload"] = true,
        };
        if (query.Filters.Count > 0)
        {
            body["filter"] = new JsonObject
            {
                ["must"] = new JsonArray(query.Filters.Select(f => (JsonNode)new JsonObject
                {
                    ["key"] = f.Key,
                    ["match"] = f.Value is JsonArray any ? new JsonObject { ["any"] = any.DeepClone() } : new JsonObject { ["value"] = f.Value?.DeepClone() },
                }).ToArray()),
            };
        }

        var url = StoreUrls.Under(query.Endpoint, "collections", query.Collection, "points", "search");
        var answer = await new VectorStoreHttp(http, Name, timeout).SendAsync(HttpMethod.Post, url, body,
            h => { if (!string.IsNullOrEmpty(query.ApiKey)) h.Add("api-key", query.ApiKey); }, query.Collection, cancellationToken);
        return (answer?["result"] as JsonArray ?? []).OfType<JsonObject>().Select(point =>
        {
            var (text, source, metadata) = PayloadText.Split(point["payload"] as JsonObject);
            return new Passage(text, point["score"]?.GetValue<double>() ?? 0, source, point["id"]?.ToString(), metadata);
        }).ToList();
    }
}
