using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Web.Editor.Config;

/// <summary>Parses JSON typed into a field, with a message people can act on when it is not JSON.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The parsed value, or the reason the text is not JSON (then the node is null).</summary>
    public static (JsonNode? Node, string? Error) Parse(string text)
    {
        try
        {
            return (JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})" : "";
            return (null, $"Not valid JSON{where}: {FirstSentence(ex.Message)}");
        }
    }

    public static string Format(JsonNode? node) => node?.ToJsonString(Indented) ?? "";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
