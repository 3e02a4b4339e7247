using Zygo.Data;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// The writes of a run as plain batched commands: EF's change tracker cost several times more CPU than the rest of
/// a short run. Each call is one transaction; the rows are the entities EF maps, stored as EF stores them.
/// </summary>
public static class ExecutionRows
{
    /// <summary>Node rows per command, far below every provider's limit on parameters (SQL Server's 2,100).</summary>
    private const int NodesPerCommand = 100;

    private static readonly string[] Outcome =
        [nameof(WorkflowExecution.Status), nameof(WorkflowExecution.CompletedAt), nameof(WorkflowExecution.Output), nameof(WorkflowExecution.Error)];

    public static Task InsertAsync(ZygoDbContext db, WorkflowExecution execution, CancellationToken ct) =>
        db.WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var batch = new RowBatch(command);
            RowSql<WorkflowExecution>.For(db).AppendInsert(batch, execution);
            await batch.ExecuteAsync(token);
        }, ct);

    /// <summary>
    /// Writes the outcome columns of <paramref name="outcome"/> (status, completion, output, error) onto its row, and
    /// adds <paramref name="nodes"/>, together.
    /// </summary>
    public static Task FinishAsync(ZygoDbContext db, WorkflowExecution outcome, IReadOnlyList<NodeExecution> nodes, CancellationToken ct) =>
        db.WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var batch = new RowBatch(command);
            RowSql<WorkflowExecution>.For(db).AppendUpdate(batch, outcome, Outcome);
            await batch.ExecuteAsync(token);
            await InsertNodesAsync(db, connection, transaction, nodes, token);
        }, ct);

    public static Task InsertNodesAsync(ZygoDbContext db, IReadOnlyList<NodeExecution> nodes, CancellationToken ct) =>
        db.WriteAsync((connection, transaction, token) => InsertNodesAsync(db, connection, transaction, nodes, token), ct);

    private static async Task InsertNodesAsync(ZygoDbContext db, System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction, IReadOnlyList<NodeExecution> nodes, CancellationToken ct)
    {
        var sql = RowSql<NodeExecution>.For(db);
        foreach (var chunk in nodes.Chunk(NodesPerCommand))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var batch = new RowBatch(command);
            foreach (var node in chunk)
            {
                sql.AppendInsert(batch, node);
            }

            await batch.ExecuteAsync(ct);
        }
    }
}
