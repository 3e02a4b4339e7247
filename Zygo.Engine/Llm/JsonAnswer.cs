using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Llm;

/// <summary>The JSON in a model's answer: the whole text, or the inside of a ```json fence models like to add.</summary>
internal static class JsonAnswer
{
    public static (JsonNode? Value, string? Error) Parse(string text)
    {
        var body = text.Trim();
        if (body.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = body.IndexOf('\n');
            var closing = body.LastIndexOf("```", StringComparison.Ordinal);
            body = firstLine > 0 && closing > firstLine ? body[(firstLine + 1)..closing].Trim() : body.Trim('`');
        }

        try
        {
            return (JsonNode.Parse(body), null);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON ({ex.Message})");
        }
    }
}
