namespace Zygo.Engine.Nodes.Data;

/// <summary>Settings of the Data Source node (<c>Zygo:Data</c>).</summary>
public sealed class DataNodeOptions
{
    public const string Section = "Zygo:Data";

    /// <summary>
    /// The folder SQLite databases of the node must live in; a relative <c>Data Source</c> is taken inside it. Files
    /// anywhere else — Zygo's own database with every tenant's data above all — are refused. The app sets it to
    /// <c>databases</c> under <c>Zygo:DataPath</c> unless configured; null (a bare engine, as in tests) allows any file.
    /// </summary>
    public string? SqliteFolder { get; set; }
}
