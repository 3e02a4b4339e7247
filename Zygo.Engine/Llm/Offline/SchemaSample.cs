using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Llm.Offline;

/// <summary>The smallest JSON value a schema accepts, with strings carrying the request: the offline model's JSON answer.</summary>
internal static class SchemaSample
{
    private const int MaxDepth = 8;

    public static JsonNode? For(JsonElement? schema, string text) => schema is { } s ? Build(s, text, 0) : new JsonObject { ["text"] = text };

    private static JsonNode? Build(JsonElement schema, string text, int depth)
    {
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            return JsonNode.Parse(choices[0].GetRawText());
        }

        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(e => e.GetString()).FirstOrDefault(n => n != "null") : t.GetString()
            : schema.TryGetProperty("properties", out _) ? "object" : "string";
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        obj[property.Name] = Build(property.Value, text, depth + 1);
                    }
                }

                return obj;
            case "array":
                var minItems = schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var n) ? n : 0;
                var items = schema.TryGetProperty("items", out var item) ? item : default;
                return new JsonArray(Enumerable.Range(0, minItems).Select(_ => Build(items, text, depth + 1)).ToArray());
            case "integer":
            case "number":
                return schema.TryGetProperty("minimum", out var minimum) ? JsonNode.Parse(minimum.GetRawText()) : 0;
            case "boolean":
                return false;
            case "null":
                return null;
            default:
                var minLength = schema.TryGetProperty("minLength", out var ml) && ml.TryGetInt32(out var l) ? l : 0;
                return text.Length >= minLength ? text : text.PadRight(minLength, '.');
        }
    }
}
