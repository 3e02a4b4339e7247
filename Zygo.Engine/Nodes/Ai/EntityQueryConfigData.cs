using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the Entity Query node (the spec gives no schema): typed records such as customers or products.</summary>
public sealed record EntityQueryConfigData
{
    public EntityOperation Operation { get; init; } = EntityOperation.Find;

    /// <summary>Kind of entity, e.g. <c>customer</c>.</summary>
    public string EntityType { get; init; } = "";

    /// <summary>For <c>get</c> and <c>upsert</c>: the entity's id.</summary>
    public string EntityId { get; init; } = "";

    /// <summary>For <c>find</c>: properties the entities must have, each equal to its value.</summary>
    public List<KeyValueEntry> Filters { get; init; } = [];

    /// <summary>For <c>upsert</c>: the properties to set.</summary>
    public JsonObject Properties { get; init; } = [];

    /// <summary>For <c>find</c>: most entities returned.</summary>
    public int Limit { get; init; } = 25;
}

public enum EntityOperation
{
    Find,
    Get,
    Upsert,
}
