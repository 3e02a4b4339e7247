using Zygo.Data;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Recording;

/// <summary>One write of a run's record, waiting in the <see cref="RunRecordQueue"/>; done when it is committed.</summary>
internal abstract class RecordWrite
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Committed => _committed.Task;

    public abstract Task WriteAsync(ZygoDbContext db, RowWriter writer, CancellationToken ct);

    public void Succeed() => _committed.TrySetResult();

    public void Fail(Exception error) => _committed.TrySetException(error);

    public sealed class NewExecution(WorkflowExecution row) : RecordWrite
    {
        public override Task WriteAsync(ZygoDbContext db, RowWriter writer, CancellationToken ct) => ExecutionRows.InsertAsync(db, writer, row, ct);
    }

    public sealed class Steps(IReadOnlyList<NodeExecution> nodes) : RecordWrite
    {
        public override Task WriteAsync(ZygoDbContext db, RowWriter writer, CancellationToken ct) => ExecutionRows.InsertNodesAsync(db, writer, nodes, ct);
    }

    public sealed class Outcome(WorkflowExecution outcome, IReadOnlyList<NodeExecution> nodes) : RecordWrite
    {
        public override async Task WriteAsync(ZygoDbContext db, RowWriter writer, CancellationToken ct)
        {
            await ExecutionRows.FinishAsync(db, writer, outcome, ct);
            await ExecutionRows.InsertNodesAsync(db, writer, nodes, ct);
        }
    }
}
