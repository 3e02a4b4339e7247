using System.Text.Json.Nodes;

namespace Zygo.Web.Editor.Config;

/// <summary>One item of an object list, seen by the fields of that item; a change replaces the item in its list.</summary>
public sealed class ItemValues(IConfigValues owner, JsonObject item, Func<JsonObject, Task> replace) : IConfigValues
{
    public string NodeType => owner.NodeType;

    public JsonObject Current => item;

    public JsonNode? Get(string path) => ConfigPath.Get(item, path);

    public Task SetAsync(IReadOnlyList<KeyValuePair<string, JsonNode?>> changes)
    {
        var next = (JsonObject)item.DeepClone();
        foreach (var (path, value) in changes)
        {
            ConfigPath.Set(next, path, value);
        }

        return replace(next);
    }

    /// <summary>Problems are reported for the list as a whole.</summary>
    public string? ProblemAt(ConfigField field) => null;
}
