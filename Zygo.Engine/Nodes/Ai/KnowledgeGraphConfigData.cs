using Zygo.Engine.Knowledge;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the Knowledge Graph node (the spec gives no schema): questions about how the tenant's entities are related.</summary>
public sealed record KnowledgeGraphConfigData
{
    public KnowledgeGraphOperation Operation { get; init; } = KnowledgeGraphOperation.Neighbours;

    /// <summary>The entity to start from (name or id); for <c>paths</c> the first end.</summary>
    public string Entity { get; init; } = "";

    /// <summary>The start entity's type, when its name is shared by entities of several types.</summary>
    public string EntityType { get; init; } = "";

    /// <summary>For <c>paths</c>: the other end (name or id).</summary>
    public string Target { get; init; } = "";

    /// <summary>For <c>paths</c>: the other end's type, when its name is shared.</summary>
    public string TargetType { get; init; } = "";

    /// <summary>Which relations to follow from an entity.</summary>
    public GraphDirection Direction { get; init; } = GraphDirection.Both;

    /// <summary>Comma-separated relation types to follow, e.g. <c>works_for, knows</c>; empty follows every relation.</summary>
    public string RelationTypes { get; init; } = "";

    /// <summary>For <c>subgraph</c>: comma-separated entity types to include; empty includes every type.</summary>
    public string EntityTypes { get; init; } = "";

    /// <summary>Hops: how far <c>neighbours</c> reaches, and the longest path <c>paths</c> looks for (1 to 6).</summary>
    public int Depth { get; init; } = 2;

    /// <summary>Most entities returned (1 to 500); the answer says when it stopped there.</summary>
    public int MaxNodes { get; init; } = 50;

    /// <summary>For <c>paths</c>: most paths returned, shortest first (1 to 50).</summary>
    public int MaxPaths { get; init; } = 5;
}

public enum KnowledgeGraphOperation
{
    /// <summary>The entities within <c>depth</c> hops of the entity, and the relations between them.</summary>
    Neighbours,

    /// <summary>The shortest paths from the entity to the target, up to <c>depth</c> hops.</summary>
    Paths,

    /// <summary>The entities of some types and the relations among them.</summary>
    Subgraph,
}
