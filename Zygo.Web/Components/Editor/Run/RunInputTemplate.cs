using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Web.Components.Editor.Run;

/// <summary>
/// The payload the run dialog starts with: for a manual trigger with an input schema, a value shaped by the schema
/// (its defaults and first examples where it gives them); a webhook trigger its sample request body; a chat trigger
/// gets a message; anything else an empty object.
/// </summary>
public static class RunInputTemplate
{
    private const int MaxDepth = 6;

    public static string For(JsonObject? trigger)
    {
        var mode = trigger?["triggerMode"]?.GetValue<string>() ?? "manual";
        JsonNode? payload = mode switch
        {
            "chat" => new JsonObject { ["message"] = "Hello" },
            "manual" when trigger?["manualConfig"]?["inputPayload"] is JsonValue schema
                          && schema.GetValueKind() == JsonValueKind.String && TryParse(schema.GetValue<string>()) is JsonObject s
                => Sample(s, 0),
            "webhook" when trigger?["webhookConfig"]?["samplePayload"] is JsonValue sample && sample.GetValueKind() == JsonValueKind.String
                => TryParse(sample.GetValue<string>()),
            _ => new JsonObject(),
        };
        return (payload ?? new JsonObject()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null; // the trigger's own validation reports a broken schema; the dialog just starts empty
        }
    }

    private static JsonNode? Sample(JsonObject schema, int depth)
    {
        if (schema["default"] is { } d)
        {
            return d.DeepClone();
        }

        if (schema["examples"] is JsonArray { Count: > 0 } examples)
        {
            return examples[0]?.DeepClone();
        }

        if (schema["enum"] is JsonArray { Count: > 0 } choices)
        {
            return choices[0]?.DeepClone();
        }

        var type = schema["type"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonArray a => a.OfType<JsonValue>().Select(x => x.ToString()).FirstOrDefault(t => t != "null"),
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => depth >= MaxDepth ? new JsonObject() : new JsonObject((schema["properties"] as JsonObject ?? [])
                .Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject child ? Sample(child, depth + 1) : null))),
            "array" => new JsonArray(),
            "string" => "",
            "integer" or "number" => 0,
            "boolean" => false,
            _ => null,
        };
    }
}
