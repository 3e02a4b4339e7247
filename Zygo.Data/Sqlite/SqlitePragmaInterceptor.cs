using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zygo.Data.Sqlite;

/// <summary>
/// Per-connection settings SQLite does not keep in the file: with WAL, <c>synchronous=NORMAL</c> is durable against
/// application crashes (only a power cut can lose the last commits) and avoids an fsync per transaction;
/// <c>busy_timeout</c> lets another process's writer finish instead of failing at once.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
