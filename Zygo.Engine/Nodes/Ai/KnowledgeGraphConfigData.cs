namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the Knowledge Graph node (the spec gives no schema): entities linked by named relations.</summary>
public sealed record KnowledgeGraphConfigData
{
    public KnowledgeGraphOperation Operation { get; init; } = KnowledgeGraphOperation.Query;

    /// <summary>The entity to start from (name or id).</summary>
    public string Entity { get; init; } = "";

    /// <summary>Relation name, e.g. <c>works_for</c>; empty matches every relation when querying or traversing.</summary>
    public string Relation { get; init; } = "";

    /// <summary>For <c>upsert</c>: the entity the relation points to.</summary>
    public string Target { get; init; } = "";

    /// <summary>For <c>traverse</c>: how many hops to follow.</summary>
    public int Depth { get; init; } = 2;
}

public enum KnowledgeGraphOperation
{
    /// <summary>The entity's direct relations.</summary>
    Query,

    /// <summary>Everything reachable from the entity within <c>depth</c> hops.</summary>
    Traverse,

    /// <summary>Create or update <c>entity</c> —<c>relation</c>→ <c>target</c>.</summary>
    Upsert,
}
