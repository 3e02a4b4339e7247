using System.Text.Json.Nodes;

namespace Zygo.Web.Editor.Config;

/// <summary>Reads and writes a value at a dotted path (<c>authentication.token</c>) of a config object.</summary>
public static class ConfigPath
{
    public static JsonNode? Get(JsonObject config, string path)
    {
        JsonNode? node = config;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node;
    }

    /// <summary>Sets the value, creating missing objects on the way; null removes the property.</summary>
    public static void Set(JsonObject config, string path, JsonNode? value)
    {
        var segments = path.Split('.');
        var target = config;
        foreach (var segment in segments[..^1])
        {
            if (target[segment] is not JsonObject next)
            {
                next = new JsonObject();
                target[segment] = next;
            }

            target = next;
        }

        if (value is null)
        {
            target.Remove(segments[^1]);
        }
        else
        {
            target[segments[^1]] = value.Parent is null ? value : value.DeepClone();
        }
    }

    /// <summary>Joins a parent path and a property name.</summary>
    public static string Combine(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>The config's values over the defaults, property by property into nested objects.</summary>
    public static JsonObject Merge(JsonObject defaults, JsonObject config)
    {
        var merged = (JsonObject)defaults.DeepClone();
        foreach (var (name, value) in config)
        {
            merged[name] = merged[name] is JsonObject d && value is JsonObject c ? Merge(d, c) : value?.DeepClone();
        }

        return merged;
    }
}
