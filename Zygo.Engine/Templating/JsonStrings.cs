using System.Text.Json.Nodes;

namespace Zygo.Engine.Templating;

public static class JsonStrings
{
    /// <summary>Every string value in a JSON tree (where {{…}} references can hide).</summary>
    public static IEnumerable<string> All(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => All(p.Value)),
        JsonArray array => array.SelectMany(All),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
