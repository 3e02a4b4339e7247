namespace Zygo.Web.Components.Editor.Chat;

/// <summary>
/// Coalesces many "something changed" signals into at most one render per interval: a streamed reply arrives a few
/// characters at a time, and one render per token would flood the circuit.
/// </summary>
public sealed class RenderBatcher(TimeSpan interval, Func<Task> render) : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _disposed = new();
    private int _scheduled;

    /// <summary>How many batched renders ran.</summary>
    public int Batches { get; private set; }

    /// <summary>Asks for a render; the first request of an interval schedules it, the others ride along.</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            _ = RenderLaterAsync();
        }
    }

    private async Task RenderLaterAsync()
    {
        try
        {
            await Task.Delay(interval, _disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Interlocked.Exchange(ref _scheduled, 0);
        Batches++;
        await render();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
