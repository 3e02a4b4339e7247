namespace Zygo.Engine.Execution.Recording;

/// <summary>Where a run's records go: the database, or nowhere (benchmarks of the engine alone).</summary>
public interface IExecutionRecorder
{
    Task RunStartedAsync(ExecutionInfo execution, DateTime startedAt, CancellationToken ct);

    Task RunFinishedAsync(ExecutionInfo execution, RunResult result, CancellationToken ct);
}

public sealed class NullExecutionRecorder : IExecutionRecorder
{
    public static readonly NullExecutionRecorder Instance = new();

    public Task RunStartedAsync(ExecutionInfo execution, DateTime startedAt, CancellationToken ct) => Task.CompletedTask;

    public Task RunFinishedAsync(ExecutionInfo execution, RunResult result, CancellationToken ct) => Task.CompletedTask;
}
