using System.Text.Json;

namespace Zygo.Web.Components.Editor.Panel;

/// <summary>The node the side panel shows, as the canvas holds it now.</summary>
public sealed record SelectedNode(string Id, string Type, string Label, string Description, JsonElement Config)
{
    /// <summary>The node with <paramref name="id"/> in an editor document, or null when it is not there (any more).</summary>
    public static SelectedNode? Find(string graphJson, string id)
    {
        using var doc = JsonDocument.Parse(graphJson);
        if (!doc.RootElement.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var node in nodes.EnumerateArray())
        {
            if (Text(node, "id") == id)
            {
                var config = node.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c.Clone() : EmptyObject;
                return new SelectedNode(id, Text(node, "type"), Text(node, "label"), Text(node, "description"), config);
            }
        }

        return null;
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static string Text(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
