using System.Collections.Concurrent;

namespace Zygo.Data.Sqlite;

/// <summary>
/// SQLite lets one writer in at a time; concurrent writers otherwise collide and back off with sleeps (seen as
/// second-long p99 latencies under load). Queuing this process's writers per database file in memory removes the
/// collisions without changing what is written.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}
