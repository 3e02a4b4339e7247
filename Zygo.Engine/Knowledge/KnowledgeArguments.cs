using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Memory;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Knowledge;

/// <summary>
/// The arguments an agent (or the previous node) passes to the knowledge nodes, read from the input. Strings and lists
/// follow the memory nodes' rule (the config's value when it has one); an operation passed in the input chooses the
/// operation, because an agent calls one node for several operations.
/// </summary>
internal static class KnowledgeArguments
{
    public static string Text(string configured, JsonNode? input, string name) => MemoryArguments.Pick(configured, input, name);

    public static TEnum Choice<TEnum>(TEnum configured, JsonNode? input, string name) where TEnum : struct, Enum
    {
        var given = MemoryArguments.Pick("", input, name);
        if (given.Length == 0)
        {
            return configured;
        }

        try
        {
            return JsonSerializer.Deserialize<TEnum>(JsonValue.Create(given.ToLowerInvariant()).ToJsonString(), EngineJson.Options);
        }
        catch (JsonException)
        {
            throw new NodeFailedException($"'{given}' is not a valid '{name}': use one of {string.Join(", ", JsonEnumNames.Of(typeof(TEnum)))}.");
        }
    }

    /// <summary>The input's whole number of that name when it has one, else the config's; either must lie in [min, max].</summary>
    public static int Number(int configured, JsonNode? input, string name, int min, int max)
    {
        var value = input is JsonObject obj && obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n)
            ? n
            : configured;
        return value >= min && value <= max ? value : throw new NodeFailedException($"'{name}' must be from {min} to {max}, not {value}.");
    }

    /// <summary>A comma-separated list (or, in the input, an array of strings) as stored kinds; empty means all.</summary>
    public static IReadOnlyList<string> Kinds(string configured, JsonNode? input, string name)
    {
        var text = !string.IsNullOrWhiteSpace(configured) ? configured
            : input is JsonObject obj && obj[name] is JsonArray array ? string.Join(',', array.Select(i => i?.ToString() ?? ""))
            : MemoryArguments.Pick("", input, name);
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(EntityNames.Kind).Where(k => k.Length > 0).Distinct().ToList();
    }

    /// <summary>The config's object when it has members, else the input's object of that name.</summary>
    public static JsonObject Object(JsonObject configured, JsonNode? input, string name) =>
        configured.Count > 0 ? configured
            : input is JsonObject obj && obj[name] is JsonObject given ? (JsonObject)given.DeepClone()
            : [];
}
