using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Zygo.Engine.Nodes.Data;

/// <summary>What differs between the providers: the connection class, its connect timeout, how a running statement is stopped.</summary>
public static class DatabaseConnections
{
    public static string DisplayName(DataProvider provider) => provider switch
    {
        DataProvider.SqlServer => "SQL Server",
        DataProvider.Postgresql => "PostgreSQL",
        _ => "SQLite",
    };

    /// <summary>
    /// A closed connection whose connect timeout is at most the node's timeout (an unreachable SQL Server otherwise
    /// keeps trying for the driver's 15 seconds); throws <see cref="ArgumentException"/> when the string does not parse.
    /// </summary>
    public static DbConnection Create(DataProvider provider, string connectionString, int timeoutSeconds)
    {
        switch (provider)
        {
            case DataProvider.SqlServer:
                var sqlServer = new SqlConnectionStringBuilder(connectionString);
                sqlServer.ConnectTimeout = Math.Min(sqlServer.ConnectTimeout, timeoutSeconds);
                return new SqlConnection(sqlServer.ConnectionString);
            case DataProvider.Postgresql:
                var postgres = new NpgsqlConnectionStringBuilder(connectionString);
                postgres.Timeout = Math.Min(postgres.Timeout, timeoutSeconds);
                return new NpgsqlConnection(postgres.ConnectionString);
            default:
                return new SqliteConnection(connectionString);
        }
    }

    /// <summary>
    /// Microsoft.Data.Sqlite runs statements synchronously and ignores cancellation, so a cancelled token interrupts
    /// the open connection instead; the other providers honour the token themselves.
    /// </summary>
    public static CancellationTokenRegistration InterruptOnCancel(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection { Handle: { } handle }
            ? cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle))
            : default;
}
