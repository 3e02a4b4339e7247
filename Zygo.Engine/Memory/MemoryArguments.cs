using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Memory;

/// <summary>The arguments an agent (or the previous node) passes to a memory node: string members of its input.</summary>
internal static class MemoryArguments
{
    /// <summary>The config's value when it has one, else the input's member of that name.</summary>
    public static string Pick(string configured, JsonNode? input, string name) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.Trim()
            : input is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>().Trim()
                : "";
}
