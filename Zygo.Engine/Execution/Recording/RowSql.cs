using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// INSERT and UPDATE statements for one entity type, built once per model from EF's own mapping: table and column
/// names, each column's type mapping and value converter. Parameters are made by those type mappings, so a row
/// written here is stored exactly as SaveChanges would store it, on every provider, without the change tracker.
/// </summary>
internal sealed class RowSql<T> where T : class
{
    private static readonly ConcurrentDictionary<IModel, RowSql<T>> ByModel = new();

    private readonly string _table;
    private readonly Column[] _columns;
    private readonly Column _key;
    private readonly Column _tenant;
    private readonly string _insert;
    private readonly ConcurrentDictionary<string, (string Sql, Column[] Columns)> _updates = new(StringComparer.Ordinal);

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping)
    {
        public object? Value(T row) => Property.GetGetter().GetClrValue(row);
    }

    private RowSql(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _table = sql.DelimitIdentifier(table.Name, table.Schema);
        _columns = entity.GetProperties()
            .Select(p => new Column(sql.DelimitIdentifier(p.GetColumnName(table)!), p, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToArray();
        _key = _columns.Single(c => c.Property.IsPrimaryKey());
        _tenant = _columns.Single(c => c.Property.Name == "TenantId");
        _insert = $"INSERT INTO {_table} ({string.Join(", ", _columns.Select(c => c.Name))}) " +
                  $"VALUES ({string.Join(", ", _columns.Select((_, i) => RowWriter.ParameterName(i)))})";
    }

    public static RowSql<T> For(DbContext db) => ByModel.GetOrAdd(db.Model, _ => new RowSql<T>(db));

    /// <summary>Inserts every column of <paramref name="row"/>.</summary>
    public Task InsertAsync(RowWriter writer, T row, CancellationToken ct) =>
        writer.ExecuteAsync(_insert, _columns.Select(c => (c.Mapping, c.Value(row))), ct);

    /// <summary>Updates the named properties of the row with the same key and tenant as <paramref name="row"/>.</summary>
    public Task UpdateAsync(RowWriter writer, T row, IReadOnlyList<string> properties, CancellationToken ct)
    {
        var (sql, columns) = _updates.GetOrAdd(string.Join(",", properties), _ => Update(properties));
        return writer.ExecuteAsync(sql, columns.Select(c => (c.Mapping, c.Value(row))), ct);
    }

    private (string, Column[]) Update(IReadOnlyList<string> properties)
    {
        var set = _columns.Where(c => properties.Contains(c.Property.Name)).ToArray();
        var assignments = set.Select((c, i) => $"{c.Name} = {RowWriter.ParameterName(i)}");
        var sql = $"UPDATE {_table} SET {string.Join(", ", assignments)} " +
                  $"WHERE {_key.Name} = {RowWriter.ParameterName(set.Length)} AND {_tenant.Name} = {RowWriter.ParameterName(set.Length + 1)}";
        return (sql, [.. set, _key, _tenant]);
    }
}
