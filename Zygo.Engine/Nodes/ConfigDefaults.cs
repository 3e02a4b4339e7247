using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes;

/// <summary>
/// The defaults of a config type that name a variable, such as <c>{{SMTP_HOST}}</c>. A node that leaves such a field
/// out gets the default resolved like a value the user wrote, instead of the literal text; when it leads nowhere the
/// field is empty, as if the user had left it blank. Other defaults need nothing: the record's initializers supply them.
/// </summary>
public static class ConfigDefaults<TConfig> where TConfig : class, new()
{
    private static readonly KeyValuePair<string, string>[] Templated = JsonSerializer
        .SerializeToNode(new TConfig(), EngineJson.Options)!.AsObject()
        .Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Contains("{{", StringComparison.Ordinal))
        .Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<string>()))
        .ToArray();

    /// <summary><paramref name="config"/> with the templated defaults of the fields it leaves out (itself when there are none).</summary>
    public static JsonObject Overlay(JsonObject config)
    {
        if (!Templated.Any(d => !config.ContainsKey(d.Key)))
        {
            return config;
        }

        var merged = (JsonObject)config.DeepClone();
        foreach (var (name, template) in Templated)
        {
            if (!merged.ContainsKey(name))
            {
                merged[name] = template;
            }
        }

        return merged;
    }

    /// <summary>The node's config with its templated defaults, every {{…}} resolved in <paramref name="scope"/>.</summary>
    public static JsonNode Resolve(JsonObject config, TemplateScope scope)
    {
        var resolved = (JsonObject)TemplateResolver.ResolveTree(Overlay(config), scope);
        foreach (var (name, _) in Templated)
        {
            if (resolved[name] is null && !config.ContainsKey(name))
            {
                resolved[name] = "";
            }
        }

        return resolved;
    }
}
