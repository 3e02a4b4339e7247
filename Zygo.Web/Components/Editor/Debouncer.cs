namespace Zygo.Web.Components.Editor;

/// <summary>Runs an action once, <c>delay</c> after the last <see cref="Trigger"/>; used for autosave.</summary>
public sealed class Debouncer(TimeSpan delay, Func<Task> action) : IDisposable
{
    private CancellationTokenSource? _pending;

    public void Trigger()
    {
        Cancel();
        var cts = new CancellationTokenSource();
        _pending = cts;
        _ = RunAsync(cts.Token);
    }

    public void Cancel()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await action();
    }

    public void Dispose() => Cancel();
}
