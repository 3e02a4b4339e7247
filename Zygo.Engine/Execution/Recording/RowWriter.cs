using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Runs single-row statements inside one transaction, keeping one command per statement text: the database prepares
/// each statement once and binds new values per row, which costs far less than one long multi-statement command
/// (SQLite binds every parameter of such a command again for each statement in it).
/// </summary>
internal sealed class RowWriter(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private static readonly string[] Names = Enumerable.Range(0, 64).Select(i => "@p" + i).ToArray();

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public static string ParameterName(int index) => index < Names.Length ? Names[index] : "@p" + index;

    public async Task ExecuteAsync(string sql, IEnumerable<(RelationalTypeMapping Mapping, object? Value)> values, CancellationToken ct)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        var i = 0;
        foreach (var (mapping, value) in values)
        {
            command.Parameters.Add(mapping.CreateParameter(command, ParameterName(i++), value, nullable: value is null));
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
