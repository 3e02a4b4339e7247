using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes;

/// <summary>
/// The config a node runs with: its type's defaults overlaid by what the node sets. A default such as
/// <c>{{SMTP_HOST}}</c> is then resolved like a value the user wrote, instead of reaching the node as literal text;
/// when it leads nowhere the field is empty, as if the user had left it blank.
/// </summary>
public static class ConfigDefaults<TConfig> where TConfig : class, new()
{
    private static readonly JsonObject Defaults = JsonSerializer.SerializeToNode(new TConfig(), EngineJson.Options)!.AsObject();

    public static JsonObject Overlay(JsonObject config)
    {
        var merged = (JsonObject)Defaults.DeepClone();
        foreach (var (name, value) in config)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>The node's config with its defaults, every {{…}} resolved in <paramref name="scope"/>.</summary>
    public static JsonNode Resolve(JsonObject config, TemplateScope scope)
    {
        var resolved = (JsonObject)TemplateResolver.ResolveTree(Overlay(config), scope);
        foreach (var (name, value) in Defaults)
        {
            if (value is JsonValue { } text && text.GetValueKind() == JsonValueKind.String && resolved[name] is null
                && !config.ContainsKey(name))
            {
                resolved[name] = "";
            }
        }

        return resolved;
    }
}
