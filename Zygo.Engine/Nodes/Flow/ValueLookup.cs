using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>
/// Finds the value a config field names. Works on the field as written (before {{…}} resolution): once resolved,
/// a template's value could be mistaken for a path, and a resolved list or number would have lost its type.
/// </summary>
internal static class ValueLookup
{
    private static readonly string[] Roots = ["input", "nodes", "vars", "env"];

    /// <summary>
    /// A copy of the value. Text with {{…}}: what it resolves to (found when every reference was). Otherwise a path
    /// in the run (<c>input.x</c>, <c>nodes.Sum.output.total</c>, <c>vars.item</c>, <c>env.NAME</c>), or, when the
    /// path does not start at one of those roots, a field of the node's own input. A non-text JSON value is itself.
    /// </summary>
    public static bool TryResolve(JsonNode? raw, NodeContext context, out JsonNode? value)
    {
        value = null;
        if (raw is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            value = raw?.DeepClone();
            return raw is not null;
        }

        if (TemplateResolver.HasReferences(text))
        {
            value = TemplateResolver.ResolveValue(text, context.Scope);
            return TemplateResolver.References(text).All(path => TemplateResolver.TryLookup(path, context.Scope, out _));
        }

        var segments = TemplatePath.Split(text);
        var found = TemplateResolver.TryLookup(text, context.Scope, out value)
            || (segments is not null && !Roots.Contains(segments[0]) && TryGetField(context.Input, text, out value));
        // A copy: the caller may put it into an output, and a JSON node has only one parent.
        value = value?.DeepClone();
        return found;
    }

    /// <summary>A field of <paramref name="item"/> by dotted path with [n] indexes; an empty path is the item itself.</summary>
    public static bool TryGetField(JsonNode? item, string path, out JsonNode? value)
    {
        value = item;
        if (string.IsNullOrWhiteSpace(path))
        {
            return true;
        }

        var segments = TemplatePath.Split(path);
        if (segments is null)
        {
            value = null;
            return false;
        }

        foreach (var segment in segments)
        {
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    value = child;
                    break;
                case JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the field reads the tenant's variables (<c>env.NAME</c>, a bare <c>NAME</c>, or {{…}} of those):
    /// their values are secrets and must not be echoed into outputs.
    /// </summary>
    public static bool ReadsEnv(JsonNode? raw, TemplateScope scope)
    {
        if (raw is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return false;
        }

        var paths = TemplateResolver.HasReferences(text) ? TemplateResolver.References(text) : [text];
        return paths.Any(path => TemplatePath.Split(path) is { } segments
            && (segments[0] == "env" || (segments.Count == 1 && scope.Env.ContainsKey(segments[0]))));
    }

    /// <summary>The raw (unresolved) row <paramref name="index"/> of the config's <c>conditions</c>.</summary>
    public static JsonObject? RawCondition(NodeContext context, int index) =>
        context.Node.Config["conditions"] is JsonArray rows && index < rows.Count ? rows[index] as JsonObject : null;
}
