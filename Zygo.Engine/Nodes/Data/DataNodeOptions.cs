namespace Zygo.Engine.Nodes.Data;

/// <summary>Settings of the Data Source node (<c>Zygo:Data</c>).</summary>
public sealed class DataNodeOptions
{
    public const string Section = "Zygo:Data";

    /// <summary>
    /// The folder SQLite databases of the node must live in, one subfolder per tenant (named by its id); a relative
    /// <c>Data Source</c> is a file in the tenant's subfolder. Files
    /// anywhere else — Zygo's own database with every tenant's data above all — are refused. The app sets it to
    /// <c>databases</c> under <c>Zygo:DataPath</c> unless configured; null (a bare engine, as in tests) allows any file.
    /// </summary>
    public string? SqliteFolder { get; set; }
}
