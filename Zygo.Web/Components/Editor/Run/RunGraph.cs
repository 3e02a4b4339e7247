using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Web.Components.Editor.Run;

/// <summary>What a run view needs of the graph: node labels and types by id, and the trigger's configuration.</summary>
public sealed class RunGraph
{
    private RunGraph(IReadOnlyDictionary<string, (string Type, string Label)> nodes, JsonObject? trigger)
    {
        Nodes = nodes;
        Trigger = trigger;
    }

    public static readonly RunGraph Empty = new(new Dictionary<string, (string, string)>(), null);

    public IReadOnlyDictionary<string, (string Type, string Label)> Nodes { get; }

    /// <summary>The config of the first trigger node, or null when the graph has none.</summary>
    public JsonObject? Trigger { get; }

    public string LabelOf(string nodeId) =>
        Nodes.TryGetValue(nodeId, out var n) && !string.IsNullOrWhiteSpace(n.Label) ? n.Label : nodeId;

    /// <summary>Reads an editor document (<c>{"nodes":[…],"edges":[…]}</c>).</summary>
    public static RunGraph Parse(string graphJson)
    {
        var nodes = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        JsonObject? trigger = null;
        if (JsonNode.Parse(graphJson)?["nodes"] is JsonArray list)
        {
            foreach (var node in list.OfType<JsonObject>())
            {
                if (Text(node, "id") is not { } id)
                {
                    continue;
                }

                var type = Text(node, "type") ?? "";
                nodes[id] = (type, Text(node, "label") ?? "");
                if (type == "trigger" && trigger is null)
                {
                    trigger = node["config"] as JsonObject ?? [];
                }
            }
        }

        return new RunGraph(nodes, trigger);
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
