using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>
/// Pinecone's data-plane query, <c>POST {index host}/query</c> with <c>vector</c>, <c>topK</c>, <c>namespace</c>,
/// <c>includeMetadata</c> and a metadata <c>filter</c> (<c>$eq</c>, <c>$in</c>); the key goes in the <c>Api-Key</c>
/// header. The endpoint is the index's host as the Pinecone console shows it; scores are the index's similarity.
/// </summary>
internal sealed class PineconeClient(HttpClient http, TimeSpan timeout) : IVectorStoreClient
{
    /// <summary>The API version the request and answer shapes follow.</summary>
    public const string ApiVersion = "2025-04";

    public string Name => "Pinecone";
    public bool EmbedsQueryText => false;

    public async Task<IReadOnlyList<Passage>> SearchAsync(VectorStoreQuery query, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["vector"] = new JsonArray(query.Vector!.Select(v => (JsonNode)v).ToArray()),
            ["topK"] = query.TopK,
            ["includeMetadata"] = true,
            ["includeValues"] = false,
        };
        if (!string.IsNullOrWhiteSpace(query.Namespace))
        {
            body["namespace"] = query.Namespace.Trim();
        }

        if (query.Filters.Count > 0)
        {
            body["filter"] = new JsonObject(query.Filters.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject
            {
                [f.Value is JsonArray ? "$in" : "$eq"] = f.Value?.DeepClone(),
            })));
        }

        var answer = await new VectorStoreHttp(http, Name, timeout).SendAsync(HttpMethod.Post, StoreUrls.Under(query.Endpoint, "query"), body,
            h =>
            {
                h.Add("Api-Key", query.ApiKey ?? "");
                h.Add("X-Pinecone-API-Version", ApiVersion);
            }, query.Collection, cancellationToken);
        return (answer?["matches"] as JsonArray ?? []).OfType<JsonObject>().Select(match =>
        {
            var (text, source, metadata) = PayloadText.Split(match["metadata"] as JsonObject);
            return new Passage(text, match["score"]?.GetValue<double>() ?? 0, source, match["id"]?.ToString(), metadata);
        }).ToList();
    }
}
