using System.Collections.Concurrent;

namespace Zygo.Engine.Execution.Service;

/// <summary>The runs in progress in this process, so a cancel request can reach them.</summary>
public sealed class ExecutionCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public CancellationTokenSource Register(Guid executionId, CancellationToken linked)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(linked);
        _running[executionId] = cts;
        return cts;
    }

    public void Unregister(Guid executionId)
    {
        if (_running.TryRemove(executionId, out var cts))
        {
            cts.Dispose();
        }
    }

    /// <summary>True when the run was in progress here and has been told to stop.</summary>
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
