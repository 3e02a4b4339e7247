using Zygo.Data.Entities;

namespace Zygo.Engine.Knowledge;

/// <summary>
/// What a graph query found: entities (with their hop distance from the start when there is one), the relations among
/// them, the paths for a path query, and whether a limit cut the answer short.
/// </summary>
public sealed class GraphResult
{
    public Dictionary<Guid, KnowledgeEntity> Nodes { get; } = [];
    public Dictionary<Guid, int> Depths { get; } = [];
    public Dictionary<Guid, KnowledgeRelation> Edges { get; } = [];
    public List<IReadOnlyList<PathStep>> Paths { get; } = [];

    /// <summary>Why the answer is incomplete (a node, edge or path limit was reached); null when it is whole.</summary>
    public string? Truncated { get; set; }
}
