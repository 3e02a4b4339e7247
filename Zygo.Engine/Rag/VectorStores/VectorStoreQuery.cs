using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>One search of an external store: where, with which key, for what (the query's vector, or its text for stores that embed it), how many and filtered how.</summary>
public sealed record VectorStoreQuery(
    Uri Endpoint,
    string Collection,
    string? Namespace,
    string? ApiKey,
    string Text,
    float[]? Vector,
    int TopK,
    double ScoreThreshold,
    JsonObject Filters);
