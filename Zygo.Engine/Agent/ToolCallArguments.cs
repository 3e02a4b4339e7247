using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Agent;

/// <summary>Tool-call arguments between the model's dictionaries and the JSON nodes the runner passes on.</summary>
internal static class ToolCallArguments
{
    public static JsonObject ToJson(IDictionary<string, object?>? arguments) =>
        arguments is null ? [] : JsonSerializer.SerializeToNode(arguments) as JsonObject ?? [];

    /// <summary>Parses a ReAct <c>Action Input</c>; plain text goes to the tool's one required string argument if it has one.</summary>
    public static (JsonObject? Arguments, string? Error) FromText(string text, AgentTool tool)
    {
        var trimmed = text.Trim().Trim('`').Trim();
        if (trimmed.StartsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..].Trim();
        }

        if (trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(trimmed) is JsonObject parsed ? (parsed, null) : (null, "not a JSON object");
            }
            catch (JsonException ex)
            {
                return (null, ex.Message);
            }
        }

        var schema = tool.Declaration.JsonSchema;
        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString()).ToList()
            : [];
        return required.Count == 1 && required[0] is { } name
            ? (new JsonObject { [name] = trimmed }, null)
            : (null, "expected a JSON object of the tool's arguments");
    }
}
