using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Data;

/// <summary>
/// Runs one SQL statement on a SQLite, SQL Server or PostgreSQL database. Values are always bound as parameters,
/// so neither the input nor an agent can change the statement; the connection string never reaches the output.
/// </summary>
public sealed class DataNodeType(IOptions<DataNodeOptions> options) : NodeType<DataConfig>
{
    public override string Id => "data";
    public override string Label => "Data Source";
    public override NodeCategory Category => NodeCategory.Integration;
    public override string Icon => "Database";
    public override string Color => "#0891B2";
    public override string Description => "Fetch or store data from various sources";

    /// <summary>An agent supplies parameter values only: the SQL stays what the workflow's author wrote.</summary>
    public override JsonObject ArgumentSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["parameters"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Values for the statement's named parameters, by name (e.g. { \"email\": \"ada@example.com\" } for @email).",
                ["additionalProperties"] = true,
            },
        },
    };

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, DataConfig config, CancellationToken cancellationToken)
    {
        Validate(config);
        var parameters = ParameterValues.Build(config.Parameters, context.Input);
        var failures = new DatabaseFailures(config.Provider, config.Timeout, new ConnectionStringRedactor(config.ConnectionString));

        // SQLite works synchronously under its async API: yield first so a long statement never holds up the caller.
        await Task.Yield();

        await using var connection = await OpenAsync(config, context.Execution.TenantId, failures, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = config.Sql;
        command.CommandTimeout = config.Timeout;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            // All three providers know @name (Npgsql rewrites it for PostgreSQL); SQLite then matches it exactly.
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        using var interrupt = DatabaseConnections.InterruptOnCancel(connection, cancellationToken);
        try
        {
            var output = await RunAsync(command, config, cancellationToken);
            context.Log($"{config.Operation} on {DatabaseConnections.DisplayName(config.Provider)} done.");
            return NodeOutcome.Of(output);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // An interrupted or cancelled statement surfaces as a provider error: report the cancellation itself.
            cancellationToken.ThrowIfCancellationRequested();
            throw failures.Running(ex, command.Parameters.Count);
        }
    }

    /// <summary>An open connection, or a failure that names the problem without showing the connection string.</summary>
    private async Task<DbConnection> OpenAsync(DataConfig config, Guid tenantId, DatabaseFailures failures, CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            var connectionString = config.Provider == DataProvider.Sqlite
                ? SqliteDataSource.Confine(config.ConnectionString, SqliteDataSource.TenantFolder(options.Value.SqliteFolder, tenantId))
                : config.ConnectionString;
            connection = DatabaseConnections.Create(config.Provider, connectionString, config.Timeout);
        }
        catch (ArgumentException ex)
        {
            throw failures.InvalidConnectionString(ex);
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync();
            if (ex is ArgumentException invalid)
            {
                throw failures.InvalidConnectionString(invalid);
            }

            if (ex is DbException or InvalidOperationException or IOException or TimeoutException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw failures.Connecting(ex);
            }

            throw;
        }
    }

    private static void Validate(DataConfig config)
    {
        if (!Enum.IsDefined(config.Provider))
        {
            throw new NodeFailedException("The provider must be sqlite, sql_server or postgresql.");
        }

        if (string.IsNullOrWhiteSpace(config.ConnectionString))
        {
            throw new NodeFailedException("The connection string is empty: set connectionString, usually to a variable such as "
                                          + "{{DB_CONNECTION}}; if it already names one, check that the variable exists.");
        }

        if (string.IsNullOrWhiteSpace(config.Sql))
        {
            throw new NodeFailedException("There is no SQL to run: write the statement in sql, with @name for each value.");
        }

        if (!Enum.IsDefined(config.Operation))
        {
            throw new NodeFailedException("The operation must be query, execute or scalar.");
        }

        if (config.Timeout < 1)
        {
            throw new NodeFailedException("The timeout must be at least 1 second.");
        }

        if (config.MaxRows < 1)
        {
            throw new NodeFailedException("maxRows must be at least 1.");
        }
    }

    private static async Task<JsonObject> RunAsync(DbCommand command, DataConfig config, CancellationToken cancellationToken)
    {
        if (config.Operation == DataOperation.Execute)
        {
            return new JsonObject { ["affectedRows"] = await command.ExecuteNonQueryAsync(cancellationToken) };
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (config.Operation == DataOperation.Scalar)
        {
            return new JsonObject { ["value"] = await reader.ReadAsync(cancellationToken) ? DbValues.Field(reader, 0) : null };
        }

        var columns = DbValues.ColumnNames(reader);
        var rows = new JsonArray();
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == config.MaxRows)
            {
                truncated = true;
                break;
            }

            rows.Add(DbValues.Row(reader, columns));
        }

        return new JsonObject { ["rows"] = rows, ["rowCount"] = rows.Count, ["truncated"] = truncated };
    }
}
