using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;

namespace Zygo.Engine.Nodes.Schema;

/// <summary>
/// The JSON schema of a node type's config, derived from its config record (XML doc comments become descriptions),
/// and its default config (a new record, serialized). Enum values come out as <see cref="EngineJson"/> writes them,
/// since NJsonSchema serializes them with its options. Computed once per config type.
/// </summary>
public static class NodeTypeSchemas
{
    private static readonly ConcurrentDictionary<Type, NodeConfigSchema> Cache = new();

    public static NodeConfigSchema For(INodeType nodeType) => For(nodeType.ConfigType);

    public static NodeConfigSchema For(Type configType) => Cache.GetOrAdd(configType, Generate);

    private static NodeConfigSchema Generate(Type configType)
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = EngineJson.Options,
            // Configs share pieces by inheritance (ModelConnection …); a form wants one flat list of fields.
            FlattenInheritanceHierarchy = true,
            // Every reference-type field has a default in its record, so none is null unless declared nullable.
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            // The engine ignores unknown members, and the runner reads timeout/retries/errorHandling on every type.
            AlwaysAllowAdditionalObjectProperties = true,
        };
        settings.SchemaProcessors.Add(new DeclarationOrderProcessor());
        // Free-form JSON fields (filters, properties, any value) are JSON, not the .NET members of JsonObject/JsonNode.
        settings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(JsonObject), s => s.Type = JsonObjectType.Object));
        settings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(JsonNode), s => s.Type = JsonObjectType.None));

        var schema = JsonSchema.FromType(configType, settings);
        var defaults = JsonSerializer.SerializeToElement(Activator.CreateInstance(configType), configType, EngineJson.Options);
        return new NodeConfigSchema(JsonSerializer.Deserialize<JsonElement>(schema.ToJson()), defaults);
    }
}
