using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Data;

/// <summary>
/// Turns provider exceptions into messages a person can act on, marked retryable when trying again may help
/// (network, timeout, lock, deadlock), never showing the connection string.
/// </summary>
public sealed class DatabaseFailures(DataProvider provider, int timeoutSeconds, ConnectionStringRedactor redactor)
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // SQL Server login failures (wrong password, expired password, unknown login): retrying cannot help.
    private static readonly HashSet<int> SqlServerLoginFailures = [18456, 18452, 18486, 18487, 18488];

    // SQL Server errors worth retrying: deadlock victim, Azure throttling and failover, dropped connections.
    private static readonly HashSet<int> SqlServerTransient = [1205, 233, 64, 10053, 10054, 10060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920];

    private const int SqlServerTimeout = -2;

    private string Name => DatabaseConnections.DisplayName(provider);

    public NodeFailedException InvalidConnectionString(ArgumentException ex) =>
        new($"The connection string is not valid for {Name}: {redactor.Redact(ex.Message)}", retryable: false);

    public NodeFailedException Connecting(Exception ex)
    {
        var retryable = ex switch
        {
            SqlException sql => !SqlServerLoginFailures.Contains(sql.Number),
            NpgsqlException npgsql => npgsql.IsTransient,
            DbException db => IsTransient(db),
            _ => IsNetwork(ex),
        };
        return new NodeFailedException($"Could not connect to the {Name} database: {Describe(ex)}", retryable);
    }

    public NodeFailedException Running(Exception ex, int boundParameters)
    {
        if (IsTimeout(ex))
        {
            return new NodeFailedException($"The statement did not finish within {timeoutSeconds} seconds (timeout).", retryable: true);
        }

        // Microsoft.Data.Sqlite names the parameters it lacks only when some were bound; say it ourselves otherwise.
        if (provider == DataProvider.Sqlite && ex is InvalidOperationException && boundParameters == 0)
        {
            return new NodeFailedException("The statement uses parameters (such as @name) but none are configured: "
                                           + "add a row to parameters for each one.");
        }

        var retryable = ex is DbException db && IsTransient(db);
        return new NodeFailedException($"The {Name} statement failed: {Describe(ex)}", retryable);
    }

    private static bool IsTransient(DbException ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        SqlException sql => sql.Number == SqlServerTimeout || SqlServerTransient.Contains(sql.Number) || sql.Class >= 20,
        _ => ex.IsTransient,
    };

    private static bool IsTimeout(Exception ex) =>
        ex is SqlException { Number: SqlServerTimeout } || Chain(ex).Any(e => e is TimeoutException);

    private static bool IsNetwork(Exception ex) => Chain(ex).Any(e => e is SocketException or IOException or TimeoutException);

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    /// <summary>The provider's message, with the socket error under it when it says more (e.g. "Connection refused").</summary>
    private string Describe(Exception ex)
    {
        var socket = Chain(ex).OfType<SocketException>().FirstOrDefault(e => e.SocketErrorCode != SocketError.Success);
        var text = socket is null || ex.Message.Contains(socket.Message, StringComparison.Ordinal)
            ? ex.Message
            : $"{ex.Message.TrimEnd('.')} ({socket.Message.TrimEnd('.')}).";
        return redactor.Redact(text);
    }
}
