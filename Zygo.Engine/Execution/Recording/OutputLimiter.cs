using System.Text.Json.Nodes;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Keeps stored inputs and outputs to a sane size: a larger value is replaced by a marker with its size and the
/// start of its JSON, so nothing is lost silently and one huge response cannot bloat the database.
/// </summary>
public static class OutputLimiter
{
    public const int MaxStoredChars = 256 * 1024;
    public const int PreviewChars = 4096;

    public static string? ToStored(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var json = value.ToJsonString(EngineJson.Options);
        if (json.Length <= MaxStoredChars)
        {
            return json;
        }

        return new JsonObject
        {
            ["_truncated"] = true,
            ["originalChars"] = json.Length,
            ["preview"] = json[..PreviewChars],
        }.ToJsonString(EngineJson.Options);
    }
}
