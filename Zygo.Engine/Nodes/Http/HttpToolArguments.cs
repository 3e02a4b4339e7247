using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Http;

/// <summary>
/// What an AI Agent passes when it calls the node as a tool (see <see cref="HttpApiNodeType.ArgumentSchema"/>):
/// a path to append, extra query parameters, a body and a method replacing the configured ones.
/// </summary>
internal sealed record HttpToolArguments(string? Path, IReadOnlyList<KeyValueEntry> Query, string? Body, bool BodyIsText, string? Method)
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "path", "query", "body", "method" };

    /// <summary>
    /// The arguments in the node's input, or null when the input is not an argument object. Only an object whose
    /// members are all argument names counts, so a previous node's output in a flow (an HTTP answer has
    /// <c>status</c>, <c>body</c>, …) never silently replaces the configured body.
    /// </summary>
    public static HttpToolArguments? FromInput(JsonNode? input)
    {
        if (input is not JsonObject { Count: > 0 } arguments || !arguments.All(member => Names.Contains(member.Key)))
        {
            return null;
        }

        var body = arguments["body"];
        return new HttpToolArguments(
            OptionalString(arguments, "path"),
            QueryOf(arguments["query"]),
            body is null ? null : body.GetValueKind() == JsonValueKind.String ? body.GetValue<string>() : body.ToJsonString(),
            body?.GetValueKind() == JsonValueKind.String,
            OptionalString(arguments, "method"));
    }

    /// <summary>The text form of a JSON value as a query or form value: strings as they are, anything else as JSON.</summary>
    public static string ValueText(JsonNode? value) => value switch
    {
        null => "",
        _ when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string? OptionalString(JsonObject arguments, string name) => arguments[name] switch
    {
        null => null,
        var value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new NodeFailedException($"The tool argument '{name}' must be a string."),
    };

    private static IReadOnlyList<KeyValueEntry> QueryOf(JsonNode? query) => query switch
    {
        null => [],
        JsonObject parameters => parameters.Select(p => new KeyValueEntry { Key = p.Key, Value = ValueText(p.Value) }).ToList(),
        _ => throw new NodeFailedException("The tool argument 'query' must be an object of parameter names and values."),
    };
}
