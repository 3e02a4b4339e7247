using Zygo.Data;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// A run's writes as plain statements: EF's change tracker cost several times more CPU than the rest of a short run.
/// The rows are the entities EF maps, stored as EF stores them (<see cref="RowSql{T}"/>).
/// </summary>
internal static class ExecutionRows
{
    private static readonly string[] Outcome =
        [nameof(WorkflowExecution.Status), nameof(WorkflowExecution.CompletedAt), nameof(WorkflowExecution.Output), nameof(WorkflowExecution.Error)];

    public static Task InsertAsync(ZygoDbContext db, RowWriter writer, WorkflowExecution execution, CancellationToken ct) =>
        RowSql<WorkflowExecution>.For(db).InsertAsync(writer, execution, ct);

    /// <summary>The outcome columns of <paramref name="outcome"/> (status, completion, output, error) onto its row.</summary>
    public static Task FinishAsync(ZygoDbContext db, RowWriter writer, WorkflowExecution outcome, CancellationToken ct) =>
        RowSql<WorkflowExecution>.For(db).UpdateAsync(writer, outcome, Outcome, ct);

    public static async Task InsertNodesAsync(ZygoDbContext db, RowWriter writer, IReadOnlyList<NodeExecution> nodes, CancellationToken ct)
    {
        var sql = RowSql<NodeExecution>.For(db);
        foreach (var node in nodes)
        {
            await sql.InsertAsync(writer, node, ct);
        }
    }
}
