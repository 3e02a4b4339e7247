namespace Zygo.Web.Executions;

/// <summary>Wakes the queue worker when a run is queued, so it does not wait for its next poll.</summary>
public sealed class ExecutionQueue
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
