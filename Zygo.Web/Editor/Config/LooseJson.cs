using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Web.Editor.Config;

/// <summary>
/// A field that takes any JSON value, typed as text: <c>42</c>, <c>true</c> or <c>[1,2]</c> are stored as JSON, anything
/// else (a template such as <c>{{input.items}}</c>) as the text itself.
/// </summary>
public static class LooseJson
{
    public static string ToText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    public static JsonNode? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
