using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>
/// Weaviate over GraphQL (<c>POST /v1/graphql</c>, <c>Get</c> with <c>nearVector</c>, <c>limit</c> and a <c>where</c>
/// filter). GraphQL must name the fields it wants, so the class's scalar properties are first read from
/// <c>GET /v1/schema/{class}</c>. Without an embedding model of ours it sends <c>nearText</c> and Weaviate embeds the
/// query with the class's vectorizer module. The namespace is the Weaviate tenant of a multi-tenant class. The key goes
/// in <c>Authorization: Bearer</c>. Score: <c>certainty</c> when Weaviate gives it (cosine), else 1 − distance.
/// </summary>
internal sealed partial class WeaviateClient(HttpClient http, TimeSpan timeout) : IVectorStoreClient
{
    private static readonly HashSet<string> ScalarTypes = ["text", "string", "int", "number", "boolean", "date", "uuid"];

    [GeneratedRegex("^[A-Z][_0-9A-Za-z]*$")]
    private static partial Regex ClassName();

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex PropertyName();

    public string Name => "Weaviate";
    public bool EmbedsQueryText => true;

    public async Task<IReadOnlyList<Passage>> SearchAsync(VectorStoreQuery query, CancellationToken cancellationToken)
    {
        if (!ClassName().IsMatch(query.Collection))
        {
            throw new NodeFailedException($"'{query.Collection}' is not a Weaviate class name: it starts with a capital letter and holds only letters, digits and _.");
        }

        var bad = query.Filters.Select(f => f.Key).FirstOrDefault(k => !PropertyName().IsMatch(k));
        if (bad is not null)
        {
            throw new NodeFailedException($"The filter '{bad}' is not a Weaviate property name (letters, digits and _).");
        }

        var send = new VectorStoreHttp(http, Name, timeout);
        void Headers(System.Net.Http.Headers.HttpRequestHeaders h)
        {
            if (!string.IsNullOrEmpty(query.ApiKey))
            {
                h.Authorization = new("Bearer", query.ApiKey);
            }
        }

        var schema = await send.SendAsync(HttpMethod.Get, StoreUrls.Under(query.Endpoint, "v1", "schema", query.Collection), null, Headers,
            query.Collection, cancellationToken);
        var properties = (schema?["properties"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(p => p["dataType"] is JsonArray { Count: > 0 } types && ScalarTypes.Contains(types[0]!.ToString()))
            .Select(p => p["name"]!.ToString()).Where(n => PropertyName().IsMatch(n)).ToList();

        var graphQl = new JsonObject { ["query"] = Build(query, properties) };
        var answer = await send.SendAsync(HttpMethod.Post, StoreUrls.Under(query.Endpoint, "v1", "graphql"), graphQl, Headers,
            query.Collection, cancellationToken);
        if (answer?["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new NodeFailedException($"Weaviate refused the search: {errors[0]?["message"]}");
        }

        return (answer?["data"]?["Get"]?[query.Collection] as JsonArray ?? []).OfType<JsonObject>().Select(hit =>
        {
            var extra = hit["_additional"] as JsonObject;
            var payload = (JsonObject)hit.DeepClone();
            payload.Remove("_additional");
            var (text, source, metadata) = PayloadText.Split(payload);
            var score = extra?["certainty"]?.GetValue<double>() ?? 1 - (extra?["distance"]?.GetValue<double>() ?? 1);
            return new Passage(text, Math.Clamp(score, 0, 1), source, extra?["id"]?.ToString(), metadata);
        }).ToList();
    }

    private static string Build(VectorStoreQuery query, IReadOnlyList<string> properties)
    {
        var args = new List<string> { $"limit: {query.TopK}" };
        args.Add(query.Vector is { } vector
            ? $"nearVector: {{vector: [{string.Join(",", vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]}}"
            : $"nearText: {{concepts: [{Literal(query.Text)}]}}");
        if (Where(query.Filters) is { } where)
        {
            args.Add($"where: {where}");
        }

        if (!string.IsNullOrWhiteSpace(query.Namespace))
        {
            args.Add($"tenant: {Literal(query.Namespace.Trim())}");
        }

        var fields = new StringBuilder();
        foreach (var property in properties)
        {
            fields.Append(property).Append(' ');
        }

        return $"{{ Get {{ {query.Collection}({string.Join(", ", args)}) {{ {fields}_additional {{ id distance certainty }} }} }} }}";
    }

    /// <summary>One Equal operand per filter (an array: any of its values), all under And.</summary>
    private static string? Where(JsonObject filters)
    {
        var operands = filters.Select(f => f.Value is JsonArray any
            ? $"{{operator: Or, operands: [{string.Join(", ", any.Select(v => Equal(f.Key, v)))}]}}"
            : Equal(f.Key, f.Value)).ToList();
        return operands.Count switch
        {
            0 => null,
            1 => operands[0],
            _ => $"{{operator: And, operands: [{string.Join(", ", operands)}]}}",
        };
    }

    private static string Equal(string key, JsonNode? value)
    {
        var typed = value?.GetValueKind() switch
        {
            JsonValueKind.Number => $"valueNumber: {value.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"valueBoolean: {value.ToJsonString()}",
            _ => $"valueText: {Literal(value?.ToString() ?? "")}",
        };
        return $"{{path: [{Literal(key)}], operator: Equal, {typed}}}";
    }

    /// <summary>A GraphQL string literal: JSON's string escaping is valid GraphQL, so user text cannot break out of it.</summary>
    private static string Literal(string text) => JsonSerializer.Serialize(text, LiteralOptions);

    /// <summary>Escapes only what a string literal needs (quotes, backslashes, control characters): the query is not HTML.</summary>
    private static readonly JsonSerializerOptions LiteralOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
