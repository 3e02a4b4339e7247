namespace Zygo.Engine.Knowledge;

/// <summary>Which relations a traversal follows from an entity.</summary>
public enum GraphDirection
{
    /// <summary>Into and out of the entity.</summary>
    Both,

    /// <summary>From the entity to others.</summary>
    Outgoing,

    /// <summary>From others to the entity.</summary>
    Incoming,
}
