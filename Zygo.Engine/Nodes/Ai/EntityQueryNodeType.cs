using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class EntityQueryNodeType : PendingNodeType<EntityQueryConfigData>
{
    public override string Id => "entity_query";
    public override string Label => "Entity Query";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Tags";
    public override string Color => "#C026D3";
    public override string Description => "Query and manage entities";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        ToolArgument.Choice<EntityOperation>("operation", "find: entities matching filters; get: one by id; upsert: create or update one."),
        new ToolArgument("entityType", "string", "Kind of entity, e.g. customer.", Required: true),
        new ToolArgument("entityId", "string", "For get and upsert: the entity's id."),
        new ToolArgument("filters", "object", "For find: property names and the values they must equal."),
        new ToolArgument("properties", "object", "For upsert: the properties to set."));
}
