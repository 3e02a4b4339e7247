using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Nodes;

namespace Zygo.Engine.Generation;

/// <summary>Whether a proposed config binds to its node type's typed config record, as the runner will bind it.</summary>
public static class NodeConfigCheck
{
    /// <returns>What is wrong, naming the field; null when the config binds.</returns>
    public static string? Problem(INodeType type, JsonNode? config, string nodeName)
    {
        if (config is not JsonObject)
        {
            return $"the config of '{nodeName}' must be a JSON object";
        }

        try
        {
            _ = config.Deserialize(type.ConfigType, EngineJson.Options);
            return null;
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "?";
            return $"the config of '{nodeName}' ({type.Id}) has a wrong type or an unknown value in '{field}'";
        }
    }
}
