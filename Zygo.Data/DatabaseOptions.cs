namespace Zygo.Data;

/// <summary>The <c>Database</c> section of the settings.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>zygo.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }
}
