using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zygo.Engine;

/// <summary>
/// The one JSON dialect of workflows: camelCase members, enum values in snake_case as the spec writes them
/// (<c>for_each</c>, <c>greater_than</c>, <c>json</c>), unknown members ignored so older graphs still load.
/// </summary>
public static class EngineJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
