using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>
/// Reads any JSON value into a text field: a lone <c>{{…}}</c> keeps the JSON type of what it resolves to (a number,
/// a list), and the field must still bind. Null reads as <c>""</c>.
/// </summary>
public sealed class TextValueConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : TemplateResolver.AsText(JsonNode.Parse(ref reader));

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
