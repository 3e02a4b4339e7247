namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the Memory Search node (spec: MemorySearchConfigData).</summary>
public sealed record MemorySearchConfigData
{
    public MemorySearchType SearchType { get; init; } = MemorySearchType.Hybrid;

    /// <summary>What to look for; an agent passes it as the <c>query</c> argument.</summary>
    public string Query { get; init; } = "";

    public MemorySearchFilters Filters { get; init; } = new();

    /// <summary>Most memories returned.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Minimum relevance score (0 to 1) of a returned memory.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Return each memory's metadata (tags, importance, actor …) with its content.</summary>
    public bool IncludeMetadata { get; init; } = true;

    /// <summary>
    /// Beyond the spec: the model that embeds the query and the memories for semantic and hybrid search. Without one
    /// (offline, the default) those searches fall back to keyword search and say so in <c>note</c>.
    /// </summary>
    public ModelConnection Embedding { get; init; } = new();
}

public enum MemorySearchType
{
    /// <summary>By meaning (vector similarity).</summary>
    Semantic,

    /// <summary>By words.</summary>
    Keyword,

    /// <summary>Both, ranked together.</summary>
    Hybrid,
}
