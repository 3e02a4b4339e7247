using System.Text.Json.Nodes;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Writes the end of a run: the execution row's outcome and the steps not yet written by <see cref="StepWriter"/>,
/// committed together (live progress travels as events).
/// </summary>
public sealed class DbExecutionRecorder(RunRecordQueue records)
{
    public Task RunFinishedAsync(ExecutionInfo execution, RunResult result) => RunFinishedAsync(execution, result, new HashSet<Guid>());

    /// <summary>Records the outcome and the steps not yet in <paramref name="alreadyWritten"/>.</summary>
    public Task RunFinishedAsync(ExecutionInfo execution, RunResult result, IReadOnlySet<Guid> alreadyWritten)
    {
        // Update by key without reading the row first: the start time was written when the run was created or claimed.
        var outcome = new WorkflowExecution
        {
            Id = execution.ExecutionId,
            TenantId = execution.TenantId,
            WorkflowId = execution.WorkflowId,
            Status = result.Status,
            CompletedAt = result.CompletedAt,
            Output = OutputLimiter.ToStored(result.Output),
            Error = result.Error is null
                ? null
                : new JsonObject { ["nodeId"] = result.Error.NodeId, ["message"] = result.Error.Message }.ToJsonString(EngineJson.Options),
        };
        var nodes = result.Nodes.Where(n => !alreadyWritten.Contains(n.Id)).Select(n => ToEntity(execution, n)).ToList();
        return records.FinishAsync(outcome, nodes);
    }

    public static NodeExecution ToEntity(ExecutionInfo execution, NodeRecord n) => new()
    {
        Id = n.Id,
        ExecutionId = execution.ExecutionId,
        TenantId = execution.TenantId,
        NodeId = n.NodeId,
        NodeType = n.NodeType,
        Status = n.Status,
        Input = OutputLimiter.ToStored(n.Input),
        Output = OutputLimiter.ToStored(n.Output),
        Error = n.Error,
        Attempts = n.Attempts,
        Sequence = n.Sequence,
        Path = n.Path,
        StartedAt = n.StartedAt,
        CompletedAt = n.CompletedAt,
    };
}
