using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Zygo.Engine.Llm.Offline;

/// <summary>
/// Fills a tool's arguments from the request the way a careful reader would without a model: free-text arguments
/// get the request, ids and numbers are found next to the words that name them ("order 12345", "orderId: A-7"),
/// addresses by their shape.
/// </summary>
internal static partial class ArgumentFiller
{
    private static readonly HashSet<string> FreeText = new(StringComparer.OrdinalIgnoreCase)
    {
        "query", "question", "message", "prompt", "text", "content", "goal", "summary", "request", "task", "body",
    };

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"\b[A-Za-z0-9-]*\d[A-Za-z0-9-]*\b")]
    private static partial Regex Identifier();

    public static JsonObject Fill(string request, JsonElement schema)
    {
        var arguments = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return arguments;
        }

        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.EnumerateObject())
        {
            // An argument of several possible types (an HTTP body: object or text) is left to the node's own config.
            if (!property.Value.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var value = ValueFor(property.Name, t.GetString(), request, required.Contains(property.Name));
            if (value is not null)
            {
                arguments[property.Name] = value;
            }
        }

        return arguments;
    }

    private static JsonNode? ValueFor(string name, string? type, string request, bool required)
    {
        if (type == "object")
        {
            // The generic "input" argument: hand the node the request itself.
            return name == "input" ? new JsonObject { ["message"] = request } : null;
        }

        if (type == "string" && FreeText.Contains(name))
        {
            return request;
        }

        var found = Labelled(name, request) ?? (IsAddress(name) ? Email().Match(request) is { Success: true } m ? m.Value : null : null)
            ?? (IsIdentifier(name) ? Identifier().Match(request) is { Success: true } id ? id.Value : null : null);
        return (type, found) switch
        {
            ("integer", { } text) when long.TryParse(text, out var n) => n,
            ("number", { } text) when double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
            ("integer" or "number", _) => null,
            ("boolean", _) => null,
            (_, { } text) => text,
            _ when required && type == "string" => request,
            _ => null,
        };
    }

    /// <summary>"orderId: 42", "order id 42", "order #42", "order number 42" for an argument named <c>orderId</c>.</summary>
    private static string? Labelled(string name, string request)
    {
        var words = CamelBoundary().Split(name).Select(w => w.ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        var stem = words.Count > 1 && words[^1] is "id" or "number" or "no" ? words[..^1] : words;
        var label = string.Join(@"[\s_-]*", stem.Select(Regex.Escape));
        var pattern = $@"\b{label}s?(?:[\s_-]*(?:id|number|no\.?|#))?\s*[:=#]?\s*(?<value>[A-Za-z0-9][\w.@-]*)";
        foreach (Match match in Regex.Matches(request, pattern, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100)))
        {
            var value = match.Groups["value"].Value.TrimEnd('.');
            // "order status" names no order: only values with a digit (or after an explicit ':'/'=') count.
            if (value.Any(char.IsDigit) || match.Value.Contains(':') || match.Value.Contains('='))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsAddress(string name) =>
        name.Equals("to", StringComparison.OrdinalIgnoreCase) || name.Contains("email", StringComparison.OrdinalIgnoreCase);

    private static bool IsIdentifier(string name) =>
        name.EndsWith("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("number", StringComparison.OrdinalIgnoreCase);
}
