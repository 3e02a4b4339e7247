using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Data;

/// <summary>Every connection the app uses, new or from the pool, has the settings SQLite does not keep in the file.</summary>
public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task New_and_pooled_connections_both_have_synchronous_normal_and_a_busy_timeout()
    {
        await using var app = new ZygoAppFactory();
        var seen = new List<(long Synchronous, long BusyTimeout)>();

        // The first context opens a native connection; the pool gives the same one to the next contexts. Two
        // contexts open at once force a second native connection.
        for (var i = 0; i < 3; i++)
        {
            await using var first = app.CreateSystemContext();
            seen.Add(await SettingsAsync(first));
            await using var second = app.CreateSystemContext();
            await first.Database.OpenConnectionAsync();
            seen.Add(await SettingsAsync(second));
            await first.Database.CloseConnectionAsync();
        }

        seen.Should().AllSatisfy(s => s.Should().Be((1L, 5000L), "1 is NORMAL; the pragmas must hold on every connection"));
    }

    private static async Task<(long, long)> SettingsAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA busy_timeout";
            return (synchronous, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
