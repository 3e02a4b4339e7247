namespace Zygo.Engine.Knowledge;

/// <summary>A search for entities: name text, type, properties that must equal values, and a page.</summary>
public sealed record EntitySearch
{
    public const int FuzzyScanLimit = 5000;

    /// <summary>Candidates read to test property filters (JSON is compared in memory on every provider).</summary>
    public const int FilterScanLimit = 5000;

    public string Name { get; init; } = "";
    public EntityNameMatch Match { get; init; } = EntityNameMatch.Contains;
    public string Type { get; init; } = "";
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public int Skip { get; init; }
    public int Take { get; init; } = 25;
}
