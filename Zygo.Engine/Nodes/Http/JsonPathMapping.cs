using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Http;

/// <summary>The node's <c>responseMapping</c>: a JSONPath (Newtonsoft's dialect) applied to the response text.</summary>
internal sealed class JsonPathMapping
{
    private readonly string _path;

    private JsonPathMapping(string path) => _path = path;

    /// <summary>The mapping, or null when none is set; a malformed path fails here, before any request is sent.</summary>
    public static JsonPathMapping? Parse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            // SelectTokens parses the path eagerly, so an empty document is enough to validate it.
            _ = new JObject().SelectTokens(path.Trim());
        }
        catch (JsonException ex)
        {
            throw new NodeFailedException($"The responseMapping '{path}' is not a valid JSONPath: {ex.Message}");
        }

        return new JsonPathMapping(path.Trim());
    }

    /// <summary>Null when nothing matches, the value for one match, an array for several.</summary>
    public JsonNode? Apply(string responseText, string target)
    {
        JToken document;
        try
        {
            // Dates stay strings: by default Newtonsoft would turn them into DateTime and write them back reformatted.
            using var reader = new JsonTextReader(new StringReader(responseText)) { DateParseHandling = DateParseHandling.None };
            document = JToken.ReadFrom(reader);
        }
        catch (JsonException)
        {
            throw new NodeFailedException(
                $"The responseMapping '{_path}' needs a JSON response, but {target} did not answer with JSON.");
        }

        var matches = document.SelectTokens(_path).Select(ToJsonNode).ToArray();
        return matches.Length switch
        {
            0 => null,
            1 => matches[0],
            _ => new JsonArray(matches),
        };
    }

    private static JsonNode? ToJsonNode(JToken token) => JsonNode.Parse(token.ToString(Formatting.None));
}
