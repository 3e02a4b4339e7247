using Microsoft.Data.Sqlite;

namespace Zygo.Tests.Engine.Data;

/// <summary>A real SQLite file in its own temp folder, with a users table, removed afterwards.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "zygo-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "test.db");
        Execute("""
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT,
                age INTEGER,
                score REAL,
                active BOOLEAN,
                avatar BLOB,
                profile JSON,
                created_at TEXT
            )
            """);
    }

    public string Folder { get; }
    public string FilePath { get; }

    /// <summary>What the node is given (pooled, as users write it).</summary>
    public string ConnectionString => $"Data Source={FilePath}";

    public void Execute(string sql) => Run(sql, command => command.ExecuteNonQuery());

    public long Scalar(string sql) => Run(sql, command => (long)command.ExecuteScalar()!);

    /// <summary>Opens an unpooled connection of the test's own and holds a write lock until disposed.</summary>
    public IDisposable LockForWriting()
    {
        var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        command.ExecuteNonQuery();
        return connection;
    }

    private T Run<T>(string sql, Func<SqliteCommand, T> run)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return run(command);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        // The node's pooled connections to this file go too (only this file's pool: other tests keep theirs).
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(Folder, recursive: true);
    }
}
