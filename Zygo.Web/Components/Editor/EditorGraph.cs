using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Web.Components.Editor;

/// <summary>
/// The graph being edited, as .NET knows it: the last whole graph the canvas sent plus the node moves it reported
/// since. Moves are cheap to receive and only applied to the JSON when someone needs the text (save, export, checks).
/// </summary>
public sealed class EditorGraph
{
    // Written the way the browser's JSON.stringify writes, so an unchanged graph compares equal as text.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, JsonNode?> _moves = new(StringComparer.Ordinal);
    private string _json = """{"nodes":[],"edges":[]}""";

    /// <summary>The whole graph (contract JSON <c>{"nodes":[…],"edges":[…]}</c>) with every move applied.</summary>
    public string Json
    {
        get
        {
            if (_moves.Count > 0)
            {
                ApplyMoves();
            }

            return _json;
        }
    }

    public void Replace(string graphJson)
    {
        _json = graphJson;
        _moves.Clear();
    }

    /// <summary>Positions by node id (<c>{"id":{"x":…,"y":…}}</c>); later moves of a node win.</summary>
    public void Move(string positionsJson)
    {
        if (JsonNode.Parse(positionsJson) is not JsonObject moves)
        {
            throw new JsonException("Node moves must be a JSON object of positions by node id.");
        }

        foreach (var (id, position) in moves)
        {
            _moves[id] = position?.DeepClone();
        }
    }

    private void ApplyMoves()
    {
        var root = JsonNode.Parse(_json)?.AsObject() ?? [];
        if (root["nodes"] is JsonArray nodes)
        {
            foreach (var node in nodes.OfType<JsonObject>())
            {
                if (node["id"]?.GetValue<string>() is { } id && _moves.TryGetValue(id, out var position))
                {
                    node["position"] = position?.DeepClone();
                }
            }
        }

        _json = root.ToJsonString(Compact);
        _moves.Clear();
    }
}
