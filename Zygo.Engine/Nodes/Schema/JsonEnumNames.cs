using System.Text.Json;

namespace Zygo.Engine.Nodes.Schema;

/// <summary>The values of an enum exactly as workflows write them (serialized with <see cref="EngineJson"/>).</summary>
public static class JsonEnumNames
{
    public static IReadOnlyList<string> Of(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>()
            .Select(value => JsonSerializer.SerializeToElement(value, enumType, EngineJson.Options).GetString()!)
            .ToList();
}
