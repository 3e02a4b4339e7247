using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Web.Api;

/// <summary>A node type as the palette and the agent see it.</summary>
public sealed record NodeTypeSummary(
    string Id,
    string Label,
    NodeCategory Category,
    string Icon,
    string Color,
    string Description,
    bool Available,
    JsonObject ArgumentSchema)
{
    public static NodeTypeSummary From(INodeType type) => new(type.Id, type.Label, type.Category, type.Icon, type.Color,
        type.Description, type.IsAvailable, type.ArgumentSchema);
}

/// <summary>The JSON schema of a node type's config and the config a new node of that type starts with.</summary>
public sealed record NodeTypeConfigSchema(string Type, JsonElement Schema, JsonElement Defaults)
{
    public static NodeTypeConfigSchema From(INodeType type)
    {
        var schema = NodeTypeSchemas.For(type);
        return new NodeTypeConfigSchema(type.Id, schema.Schema, schema.Defaults);
    }
}
