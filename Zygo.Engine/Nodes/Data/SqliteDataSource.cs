using Microsoft.Data.Sqlite;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Data;

/// <summary>Keeps the node's SQLite databases inside <see cref="DataNodeOptions.SqliteFolder"/>, one folder per tenant.</summary>
public static class SqliteDataSource
{
    /// <summary>
    /// The connection string with its data source made absolute inside <paramref name="folder"/>; in-memory
    /// databases pass as they are. Throws when the file would lie outside the folder.
    /// </summary>
    public static string Confine(string connectionString, string? folder)
    {
        if (folder is null)
        {
            return connectionString;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || source is "" or ":memory:")
        {
            return connectionString;
        }

        var root = Path.GetFullPath(folder);
        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw Outside(source, root);
        }

        var path = Path.GetFullPath(source, root);
        if (!IsWithin(path, root) || path == Path.TrimEndingDirectorySeparator(root))
        {
            throw Outside(source, root);
        }

        Directory.CreateDirectory(root);
        builder.DataSource = path;
        return builder.ConnectionString;
    }

    /// <summary>The tenant's own folder under <paramref name="folder"/>, so tenants never open each other's files; null stays null.</summary>
    public static string? TenantFolder(string? folder, Guid tenantId) =>
        folder is null ? null : Path.Combine(folder, tenantId.ToString("N"));

    /// <summary>Whether the full path <paramref name="path"/> is <paramref name="folder"/> itself or lies beneath it.</summary>
    public static bool IsWithin(string path, string folder)
    {
        var root = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return (path + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal);
    }

    private static NodeFailedException Outside(string source, string root) =>
        new($"The SQLite database '{source}' is outside the folder this server allows for the Data Source node ({root}, " +
            "set by Zygo:Data:SqliteFolder). Use a file name inside that folder, such as Data Source=shop.db.");
}
