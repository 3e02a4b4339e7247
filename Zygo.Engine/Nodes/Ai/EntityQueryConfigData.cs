using System.Text.Json.Nodes;
using Zygo.Engine.Knowledge;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the Entity Query node (the spec gives no schema): the tenant's entities, by type and name.</summary>
public sealed record EntityQueryConfigData
{
    public EntityOperation Operation { get; init; } = EntityOperation.Find;

    /// <summary>Kind of entity, e.g. <c>customer</c>: required to create; narrows the others.</summary>
    public string EntityType { get; init; } = "";

    /// <summary>The entity's name: what create makes, update and delete act on, and find looks for.</summary>
    public string Name { get; init; } = "";

    /// <summary>For update and delete: the entity's id, instead of its name.</summary>
    public string EntityId { get; init; } = "";

    /// <summary>For update: a new name.</summary>
    public string Rename { get; init; } = "";

    /// <summary>For create and update: properties merged into the entity's (a null value removes one).</summary>
    public JsonObject Properties { get; init; } = [];

    /// <summary>For create and update: relations from the entity to others.</summary>
    public List<EntityLink> Relations { get; init; } = [];

    /// <summary>For find: properties the entities must have, each equal to its value (letter case ignored).</summary>
    public List<KeyValueEntry> Filters { get; init; } = [];

    /// <summary>For find: how the name is matched.</summary>
    public EntityNameMatch Match { get; init; } = EntityNameMatch.Contains;

    /// <summary>For find: most entities returned (1 to 200).</summary>
    public int Limit { get; init; } = 25;
}

public enum EntityOperation
{
    Create,
    Update,
    Find,
    Delete,
}
