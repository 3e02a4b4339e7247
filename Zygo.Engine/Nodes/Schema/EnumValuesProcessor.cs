using NJsonSchema.Generation;

namespace Zygo.Engine.Nodes.Schema;

/// <summary>
/// Writes each enum's values as <see cref="EngineJson"/> serializes them (<c>for_each</c>, <c>1h</c>, <c>GET</c>):
/// NJsonSchema knows neither the snake_case naming policy nor <c>[JsonStringEnumMemberName]</c>.
/// </summary>
internal sealed class EnumValuesProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        if (!context.ContextualType.Type.IsEnum)
        {
            return;
        }

        var schema = context.Schema;
        schema.Type = NJsonSchema.JsonObjectType.String;
        if (string.IsNullOrEmpty(schema.Description))
        {
            schema.Description = null;
        }

        schema.Enumeration.Clear();
        schema.EnumerationNames.Clear();
        foreach (var name in JsonEnumNames.Of(context.ContextualType.Type))
        {
            schema.Enumeration.Add(name);
        }
    }
}
