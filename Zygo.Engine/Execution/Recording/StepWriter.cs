using System.Collections.Concurrent;
using Zygo.Data;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Writes the steps of a run that have ended while the run goes on, about once a second, so a long run shows its
/// progress in the records and a crash keeps what happened before it. A run shorter than the interval writes
/// nothing here: all its steps go in the one final transaction.
/// </summary>
public sealed class StepWriter : IAsyncDisposable
{
    private readonly Func<ZygoDbContext> _contexts;
    private readonly ExecutionInfo _execution;
    private readonly ConcurrentQueue<NodeRecord> _ended = new();
    private readonly HashSet<Guid> _written = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StepWriter(Func<ZygoDbContext> contexts, ExecutionInfo execution, TimeSpan interval)
    {
        _contexts = contexts;
        _execution = execution;
        _loop = Task.Run(() => LoopAsync(interval));
    }

    public void Add(NodeRecord record) => _ended.Enqueue(record);

    /// <summary>Stops writing and says which steps are already in the database.</summary>
    public async Task<IReadOnlySet<Guid>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return _written;
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, _stop.Token);
                var batch = new List<NodeRecord>();
                while (_ended.TryDequeue(out var record))
                {
                    batch.Add(record);
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                await using var db = _contexts();
                db.NodeExecutions.AddRange(batch.Select(r => DbExecutionRecorder.ToEntity(_execution, r)));
                await db.SaveChangesAsync(CancellationToken.None);
                _written.UnionWith(batch.Select(r => r.Id));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the final transaction writes whatever is left.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
