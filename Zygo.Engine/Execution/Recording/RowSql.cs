using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
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
    }

    public static RowSql<T> For(DbContext db) => ByModel.GetOrAdd(db.Model, _ => new RowSql<T>(db));

    /// <summary>Adds an INSERT of every column of <paramref name="row"/> to the batch.</summary>
    public void AppendInsert(RowBatch batch, T row)
    {
        batch.Sql.Append("INSERT INTO ").Append(_table).Append(" (");
        batch.Sql.AppendJoin(", ", _columns.Select(c => c.Name)).Append(") VALUES (");
        for (var i = 0; i < _columns.Length; i++)
        {
            batch.Sql.Append(i == 0 ? "" : ", ").Append(batch.Parameter(_columns[i].Mapping, _columns[i].Value(row)));
        }

        batch.Sql.Append(");\n");
    }

    /// <summary>Adds an UPDATE of the named properties of the row with the same key and tenant as <paramref name="row"/>.</summary>
    public void AppendUpdate(RowBatch batch, T row, params string[] properties)
    {
        batch.Sql.Append("UPDATE ").Append(_table).Append(" SET ");
        var first = true;
        foreach (var column in _columns.Where(c => properties.Contains(c.Property.Name)))
        {
            batch.Sql.Append(first ? "" : ", ").Append(column.Name).Append(" = ").Append(batch.Parameter(column.Mapping, column.Value(row)));
            first = false;
        }

        batch.Sql.Append(" WHERE ").Append(_key.Name).Append(" = ").Append(batch.Parameter(_key.Mapping, _key.Value(row)))
            .Append(" AND ").Append(_tenant.Name).Append(" = ").Append(batch.Parameter(_tenant.Mapping, _tenant.Value(row))).Append(";\n");
    }
}

/// <summary>Several statements sent as one command: one round trip for a run's rows.</summary>
internal sealed class RowBatch(DbCommand command)
{
    public StringBuilder Sql { get; } = new();

    public string Parameter(RelationalTypeMapping mapping, object? value)
    {
        var name = "@p" + command.Parameters.Count;
        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: value is null));
        return name;
    }

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (Sql.Length == 0)
        {
            return;
        }

        command.CommandText = Sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
