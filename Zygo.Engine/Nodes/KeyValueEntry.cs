namespace Zygo.Engine.Nodes;

/// <summary>One row of a key/value list in a config (HTTP headers and query, query parameters).</summary>
public sealed record KeyValueEntry
{
    public string Key { get; init; } = "";
    public string Value { get; init; } = "";
}
