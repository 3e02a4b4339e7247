using System.Collections.Concurrent;

namespace Zygo.Engine.Execution.Service;

/// <summary>
/// The runs in progress in this instance, by execution id, and how to stop them. A run is reserved before its row
/// says "running" (the queue worker reserves before it claims, a direct run before it inserts), so a cancel that
/// sees a running row of this instance always finds the run, even before it has started.
/// </summary>
public sealed class ExecutionCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Makes the run cancellable from now on; <see cref="Register"/> picks the reservation up.</summary>
    public void Reserve(Guid executionId) => _running.TryAdd(executionId, new CancellationTokenSource());

    /// <summary>The run's token source, cancelled by <see cref="Cancel"/> or by <paramref name="linked"/>; dispose it when the run ends.</summary>
    public CancellationTokenSource Register(Guid executionId, CancellationToken linked)
    {
        var own = _running.GetOrAdd(executionId, _ => new CancellationTokenSource());
        return CancellationTokenSource.CreateLinkedTokenSource(own.Token, linked);
    }

    public void Unregister(Guid executionId)
    {
        if (_running.TryRemove(executionId, out var cts))
        {
            cts.Dispose();
        }
    }

    /// <summary>True when the run was in progress (or reserved) here and has been told to stop.</summary>
    public bool Cancel(Guid executionId)
    {
        if (!_running.TryGetValue(executionId, out var cts))
        {
            return false;
        }

        try
        {
            cts.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
