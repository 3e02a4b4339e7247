namespace Zygo.Engine.Nodes.Ai;

/// <summary>A relation from the entity being written to another one, e.g. <c>works_for</c> → <c>Acme</c>.</summary>
public sealed record EntityLink
{
    public string Relation { get; init; } = "";

    /// <summary>The other entity's name or id.</summary>
    public string Target { get; init; } = "";

    /// <summary>The other entity's type: narrows the lookup, and creates the target when it does not exist yet.</summary>
    public string TargetType { get; init; } = "";

    /// <summary>How sure the relation is, 0 to 1.</summary>
    public double Weight { get; init; } = 1;
}
