using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag;

/// <summary>
/// The built-in store's filters: every key must be in a passage's metadata with an equal value (a number and the same
/// number written as text count as equal); a filter value that is an array matches any of its items.
/// </summary>
public static class MetadataFilter
{
    public static bool Matches(JsonObject filters, JsonObject metadata) =>
        filters.All(f => metadata[f.Key] is { } actual && (f.Value is JsonArray any ? any.Any(a => Same(a, actual)) : Same(f.Value, actual)));

    private static bool Same(JsonNode? expected, JsonNode actual) =>
        JsonNode.DeepEquals(expected, actual) || (expected is JsonValue && actual is JsonValue && expected.ToString() == actual.ToString());
}
