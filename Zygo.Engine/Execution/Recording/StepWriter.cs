using System.Collections.Concurrent;
using Zygo.Data;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Writes the steps of a run that have ended while the run goes on, about once a second, so a long run shows its
/// progress in the records and a crash keeps what happened before it. A run shorter than the interval writes
/// nothing here: all its steps go in the one final transaction. A timer, not a task of its own, so a short run
/// costs one timer and no thread-pool work.
/// </summary>
public sealed class StepWriter : IAsyncDisposable
{
    private readonly Func<ZygoDbContext> _contexts;
    private readonly ExecutionInfo _execution;
    private readonly ConcurrentQueue<NodeRecord> _ended = new();
    private readonly HashSet<Guid> _written = [];
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private Task _writing = Task.CompletedTask;
    private bool _stopped;

    public StepWriter(Func<ZygoDbContext> contexts, ExecutionInfo execution, TimeSpan interval, TimeProvider clock)
    {
        _contexts = contexts;
        _execution = execution;
        _timer = clock.CreateTimer(_ => Tick(), null, interval, interval);
    }

    public void Add(NodeRecord record) => _ended.Enqueue(record);

    /// <summary>Stops writing and says which steps are already in the database.</summary>
    public async Task<IReadOnlySet<Guid>> StopAsync()
    {
        Task writing;
        lock (_gate)
        {
            _stopped = true;
            writing = _writing;
        }

        await _timer.DisposeAsync();
        await writing;
        return _written;
    }

    /// <summary>Starts a write unless one is still going (a slow database must not pile writes up) or the run ended.</summary>
    private void Tick()
    {
        lock (_gate)
        {
            if (_stopped || !_writing.IsCompleted || _ended.IsEmpty)
            {
                return;
            }

            _writing = WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<NodeRecord>();
        while (_ended.TryDequeue(out var record))
        {
            batch.Add(record);
        }

        await using var db = _contexts();
        await ExecutionRows.InsertNodesAsync(db, batch.Select(r => DbExecutionRecorder.ToEntity(_execution, r)).ToList(), CancellationToken.None);
        _written.UnionWith(batch.Select(r => r.Id));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }
    }
}
