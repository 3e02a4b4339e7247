using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zygo.Data;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Group commit for run records. Every run's writes wait here, and one writer commits all that have queued up in one
/// transaction: under load many runs share a commit (one write lock, one log append) instead of queuing for the
/// database's write lock one by one. A caller awaits its own write's commit, so what it reads afterwards is there,
/// and the writes of one run are committed in the order it made them.
/// </summary>
public sealed class RunRecordQueue : IAsyncDisposable
{
    /// <summary>Enough to take in a burst of runs; a larger backlog is cut into several commits.</summary>
    private const int MaxWritesPerCommit = 256;

    private readonly Channel<RecordWrite> _writes = Channel.CreateUnbounded<RecordWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<RunRecordQueue> _log;
    private readonly Task _writer;

    public RunRecordQueue(IServiceScopeFactory scopes, ILogger<RunRecordQueue> log)
    {
        _scopes = scopes;
        _log = log;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Adds a new execution row.</summary>
    public Task AddExecutionAsync(WorkflowExecution row) => Enqueue(new RecordWrite.NewExecution(row));

    /// <summary>Adds steps of a run that is still going.</summary>
    public Task AddStepsAsync(IReadOnlyList<NodeExecution> nodes) => Enqueue(new RecordWrite.Steps(nodes));

    /// <summary>Writes a run's outcome onto its row (status, completion, output, error) and adds its remaining steps.</summary>
    public Task FinishAsync(WorkflowExecution outcome, IReadOnlyList<NodeExecution> nodes) => Enqueue(new RecordWrite.Outcome(outcome, nodes));

    private Task Enqueue(RecordWrite write)
    {
        if (!_writes.Writer.TryWrite(write))
        {
            write.Fail(new ObjectDisposedException(nameof(RunRecordQueue), "The application is stopping: the run's record was not written."));
        }

        return write.Committed;
    }

    private async Task WriteLoopAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>();
        var writes = new List<RecordWrite>(MaxWritesPerCommit);
        // One context and connection for every commit: a new one per commit cost more CPU than the rows it wrote.
        ZygoDbContext? db = null;
        try
        {
            while (await _writes.Reader.WaitToReadAsync())
            {
                writes.Clear();
                while (writes.Count < MaxWritesPerCommit && _writes.Reader.TryRead(out var write))
                {
                    writes.Add(write);
                }

                if (db is null)
                {
                    db = contexts.CreateDbContext();
                    await db.Database.OpenConnectionAsync();
                }

                if (!await CommitAsync(db, writes))
                {
                    // Start the next commit on a fresh context and connection.
                    await db.DisposeAsync();
                    db = null;
                }
            }
        }
        finally
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }
        }
    }

    /// <summary>Commits the writes, or each alone when together they fail; false when any of them failed.</summary>
    private async Task<bool> CommitAsync(ZygoDbContext db, IReadOnlyList<RecordWrite> writes)
    {
        try
        {
            await db.WriteAsync(async (connection, transaction, ct) =>
            {
                await using var writer = new RowWriter(connection, transaction);
                foreach (var write in writes)
                {
                    await write.WriteAsync(db, writer, ct);
                }
            }, CancellationToken.None);
            foreach (var write in writes)
            {
                write.Succeed();
            }

            return true;
        }
        catch (Exception) when (writes.Count > 1)
        {
            // One bad write must not cost the other runs their records: commit them one by one.
            var all = true;
            foreach (var write in writes)
            {
                all &= await CommitAsync(db, [write]);
            }

            return all;
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "A run's record could not be written.");
            writes[0].Fail(ex);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer;
    }
}
