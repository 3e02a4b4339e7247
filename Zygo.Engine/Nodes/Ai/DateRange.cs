namespace Zygo.Engine.Nodes.Ai;

/// <summary>A range of dates (ISO 8601); an empty end is open.</summary>
public sealed record DateRange
{
    public string Start { get; init; } = "";
    public string End { get; init; } = "";
}
