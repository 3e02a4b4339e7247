using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Zygo.Engine.Templating;

/// <summary>
/// Resolves {{…}} references by looking paths up in a <see cref="TemplateScope"/>: never by evaluating code.
/// A string that is exactly one reference takes the referenced value with its JSON type; references inside
/// longer text are written as text. A reference that leads nowhere resolves to null (empty in text).
/// </summary>
public static partial class TemplateResolver
{
    [GeneratedRegex(@"\{\{\s*(.+?)\s*\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Z_][A-Z0-9_]*$")]
    private static partial Regex BareVariableName();

    public static bool HasReferences(string text) => text.Contains("{{", StringComparison.Ordinal) && Reference().IsMatch(text);

    /// <summary>Every path referenced in <paramref name="text"/>.</summary>
    public static IEnumerable<string> References(string text) =>
        Reference().Matches(text).Select(m => m.Groups[1].Value);

    public static JsonNode ResolveTree(JsonNode node, TemplateScope scope) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)ResolveTree(p.Value, scope)))),
        JsonArray array => new JsonArray(array.Select(item => item is null ? null : (JsonNode?)ResolveTree(item, scope)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => ResolveValue(text, scope) ?? JsonValue.Create(""),
        _ => node.DeepClone(),
    };

    /// <summary>A string value: a lone reference keeps the referenced JSON type; anything else stays text.</summary>
    public static JsonNode? ResolveValue(string text, TemplateScope scope)
    {
        var match = Reference().Match(text);
        if (match.Success && match.Index == 0 && match.Length == text.Length)
        {
            return TryLookup(match.Groups[1].Value, scope, out var value) ? value?.DeepClone() : null;
        }

        return JsonValue.Create(ResolveString(text, scope));
    }

    public static string ResolveString(string text, TemplateScope scope)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }

        return Reference().Replace(text, m => TryLookup(m.Groups[1].Value, scope, out var value) ? AsText(value) : "");
    }

    /// <summary>Looks a path up; false when its root is unknown or a segment is missing.</summary>
    public static bool TryLookup(string path, TemplateScope scope, out JsonNode? value)
    {
        value = null;
        var segments = TemplatePath.Split(path);
        if (segments is null)
        {
            return false;
        }

        int next;
        JsonNode? current;
        switch (segments[0])
        {
            case "input":
                current = scope.Input;
                next = 1;
                break;
            case "vars":
                current = scope.Vars;
                next = 1;
                break;
            case "nodes" when segments.Count >= 2:
                if (!scope.TryGetOutput(segments[1], out var output))
                {
                    return false;
                }

                // "nodes.x.output.y" and "nodes.x.y" both reach the output.
                next = segments.Count > 2 && segments[2] == "output" ? 3 : 2;
                current = output;
                break;
            case "env" when segments.Count == 2:
                return TryEnv(segments[1], scope, out value);
            default:
                if (segments.Count == 1 && BareVariableName().IsMatch(segments[0]))
                {
                    return TryEnv(segments[0], scope, out value);
                }

                return false;
        }

        for (var i = next; i < segments.Count; i++)
        {
            current = Step(current, segments[i], out var found);
            if (!found)
            {
                return false;
            }
        }

        value = current;
        return true;
    }

    private static bool TryEnv(string name, TemplateScope scope, out JsonNode? value)
    {
        value = scope.Env.TryGetValue(name, out var secret) ? JsonValue.Create(secret) : null;
        return value is not null;
    }

    private static JsonNode? Step(JsonNode? current, string segment, out bool found)
    {
        found = false;
        switch (current)
        {
            case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                found = true;
                return child;
            case JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count:
                found = true;
                return array[index];
            case JsonArray array when segment == "length":
                found = true;
                return JsonValue.Create(array.Count);
            default:
                return null;
        }
    }

    /// <summary>Text of a value: strings as they are, everything else as compact JSON.</summary>
    public static string AsText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(EngineJson.Options),
    };
}
