using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Knowledge;

/// <summary>Entity and relation properties: a JSON object, merged key by key (a null value removes the key).</summary>
public static class EntityProperties
{
    public static JsonObject Parse(string stored)
    {
        try
        {
            return JsonNode.Parse(stored) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static JsonObject Merge(string stored, JsonObject added)
    {
        var merged = Parse(stored);
        foreach (var (name, value) in added)
        {
            if (value is null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = value.DeepClone();
            }
        }

        return merged;
    }

    /// <summary>A property as text for equality filters: strings as they are, other values as JSON.</summary>
    public static string? Text(JsonObject properties, string name) =>
        properties[name] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => other.ToJsonString(),
        };
}
