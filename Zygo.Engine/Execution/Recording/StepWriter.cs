using System.Collections.Concurrent;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Writes the steps of a run that have ended while the run goes on, about once a second, so a long run shows its
/// progress in the records and a crash keeps what happened before it. A run shorter than the interval writes
/// nothing here: all its steps go with its outcome. A timer, not a task of its own, so a short run costs one timer
/// and no thread-pool work.
/// </summary>
public sealed class StepWriter : IAsyncDisposable
{
    private readonly RunRecordQueue _records;
    private readonly ExecutionInfo _execution;
    private readonly ConcurrentQueue<NodeRecord> _ended = new();
    private readonly List<(Task Committed, NodeRecord[] Steps)> _sent = [];
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private bool _stopped;

    public StepWriter(RunRecordQueue records, ExecutionInfo execution, TimeSpan interval, TimeProvider clock)
    {
        _records = records;
        _execution = execution;
        _timer = clock.CreateTimer(_ => Send(), null, interval, interval);
    }

    public void Add(NodeRecord record) => _ended.Enqueue(record);

    /// <summary>Stops writing and says which steps are in the database; the run's outcome writes the others.</summary>
    public async Task<IReadOnlySet<Guid>> StopAsync()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        await _timer.DisposeAsync();
        var written = new HashSet<Guid>();
        foreach (var (committed, steps) in _sent)
        {
            try
            {
                await committed;
                written.UnionWith(steps.Select(s => s.Id));
            }
            catch (Exception)
            {
                // Logged by the queue; these steps go again with the outcome.
            }
        }

        return written;
    }

    private void Send()
    {
        lock (_gate)
        {
            if (_stopped || _ended.IsEmpty)
            {
                return;
            }

            var steps = new List<NodeRecord>();
            while (_ended.TryDequeue(out var record))
            {
                steps.Add(record);
            }

            var rows = steps.Select(s => DbExecutionRecorder.ToEntity(_execution, s)).ToList();
            _sent.Add((_records.AddStepsAsync(rows), [.. steps]));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }
    }
}
