namespace Zygo.Engine.Graph;

/// <summary>A connection. <see cref="SourceHandle"/> names a branch (<c>true</c>, <c>false</c>, <c>body</c>, <c>done</c>, a condition id) or is null for "any".</summary>
public sealed record GraphEdge
{
    public string Id { get; init; } = "";
    public required string Source { get; init; }
    public required string Target { get; init; }
    public string? SourceHandle { get; init; }
    public string? TargetHandle { get; init; }
}
