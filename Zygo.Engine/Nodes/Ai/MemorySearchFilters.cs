namespace Zygo.Engine.Nodes.Ai;

/// <summary>Restricts a memory search; an empty list does not restrict.</summary>
public sealed record MemorySearchFilters
{
    public List<MemoryType> MemoryTypes { get; init; } = [];
    public List<string> Tags { get; init; } = [];
    public List<MemorySensitivity> Sensitivity { get; init; } = [];
    public List<MemoryImportance> Importance { get; init; } = [];

    /// <summary>Only memories observed in this range.</summary>
    public DateRange? DateRange { get; init; }
}
