using System.Diagnostics;
using Zygo.Engine.Execution;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Service;

namespace Zygo.Web.Components.Editor.Run;

/// <summary>
/// One run started from the editor: the run goes on a pool thread (the circuit is never blocked by it) and its
/// events are read from the bus and handed over in batches, at most one batch per flush interval, so a hundred nodes
/// finishing at once become one UI update rather than a hundred. The run's end is handed over as soon as it comes.
/// Token events are not subscribed: the canvas has nothing to show per token.
/// </summary>
public sealed class RunSession : IAsyncDisposable
{
    /// <summary>How long events gather before the next batch; the first event after a quiet spell goes at once.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(16);

    private readonly ExecutionEventBus.Subscription _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly TimeSpan _flushInterval;

    /// <param name="onBatch">Called with the events since the last batch; the last call also has the run's record.</param>
    /// <param name="flushInterval">How long events gather before the next batch; <see cref="FlushInterval"/> if not given.</param>
    public RunSession(ExecutionEventBus bus, WorkflowExecutor executor, ExecutionRequest request, ExecutionStart start,
        Func<IReadOnlyList<ExecutionEvent>, ExecutionView?, Task> onBatch, TimeSpan? flushInterval = null)
    {
        _flushInterval = flushInterval ?? FlushInterval;
        var executionId = start.ExecutionId ?? throw new ArgumentException("Only a created execution can be run.", nameof(start));
        ExecutionId = executionId;
        // Subscribed before the run starts, so not even its first event can be missed.
        _subscription = bus.Subscribe(e => e.ExecutionId == executionId && e.Kind != ExecutionEventKind.Token);
        var run = Task.Run(() => executor.RunAsync(request, start, CancellationToken.None));
        // On a pool thread: started inline, a batch ready at once was handed over inside this constructor, ahead of
        // whatever its caller does next.
        _pump = Task.Run(() => PumpAsync(run, request, onBatch));
    }

    public Guid ExecutionId { get; }

    /// <summary>Completes when the run has ended and its last batch has been handed over.</summary>
    public Task Completion => _pump;

    private async Task PumpAsync(Task<RunResult> run, ExecutionRequest request, Func<IReadOnlyList<ExecutionEvent>, ExecutionView?, Task> onBatch)
    {
        var reader = _subscription.Reader;
        var ct = _stop.Token;
        try
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(reader.WaitToReadAsync(ct).AsTask(), run);
                // Stopped: the reader answers at once from now on, and looping on it would spin until the run ends.
                ct.ThrowIfCancellationRequested();
                var batch = Drain();
                if (batch.Count > 0)
                {
                    // The interval counts from the batch's start: handing it over is part of the wait, not added to it.
                    var started = Stopwatch.GetTimestamp();
                    await onBatch(batch, null);
                    var left = _flushInterval - Stopwatch.GetElapsedTime(started);
                    if (left > TimeSpan.Zero)
                    {
                        // The run's end cuts the wait short: its last statuses are the ones a user waits for.
                        await Task.WhenAny(Task.Delay(left, ct), run);
                    }
                }
            }

            RunResult result;
            try
            {
                result = await run;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var now = DateTime.UtcNow;
                result = new RunResult(Data.Entities.ExecutionStatus.Failed, null,
                    new RunError(null, "The run could not be completed: " + ex.Message), now, now, []);
            }

            await onBatch(Drain(), ExecutionReader.FromRun(ExecutionId, request.WorkflowId, request.TriggeredBy, request.Input, result));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The editor went away; the run itself goes on and is recorded.
        }
    }

    private List<ExecutionEvent> Drain()
    {
        var batch = new List<ExecutionEvent>();
        while (_subscription.Reader.TryRead(out var e))
        {
            batch.Add(e);
        }

        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription.Dispose();
        try
        {
            await _pump;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping the reader mid-batch: nothing left to hand over.
        }

        _stop.Dispose();
    }
}
