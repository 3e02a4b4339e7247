using System.Reflection;
using System.Text.Json.Serialization;
using NJsonSchema.Generation;

namespace Zygo.Engine.Nodes.Schema;

/// <summary>
/// Lists an object's properties by <c>[JsonPropertyOrder]</c>, then base class first, each in declaration order
/// (NJsonSchema puts inherited ones in between), so a form built from the schema shows e.g. provider and model
/// before the agent's own settings.
/// </summary>
internal sealed class DeclarationOrderProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var properties = context.Schema.Properties;
        if (context.ContextualType.Type.IsEnum || properties.Count < 2)
        {
            return;
        }

        var order = BaseFirst(context.ContextualType.Type)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .OrderBy(p => p.MetadataToken))
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0)
            .Select(p => EngineJson.Options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name)
            .ToList();
        var sorted = properties.OrderBy(p => order.IndexOf(p.Key) is var i and >= 0 ? i : int.MaxValue).ToList();
        properties.Clear();
        foreach (var (name, property) in sorted)
        {
            properties[name] = property;
        }
    }

    private static IEnumerable<Type> BaseFirst(Type type) =>
        type.BaseType is { } baseType && baseType != typeof(object) ? BaseFirst(baseType).Append(type) : [type];
}
