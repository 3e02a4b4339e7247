using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Writes the end of a run: the execution row's outcome and the steps not yet written by <see cref="StepWriter"/>,
/// in one transaction (live progress travels as events).
/// </summary>
public sealed class DbExecutionRecorder(Func<ZygoDbContext> contexts)
{
    public Task RunFinishedAsync(ExecutionInfo execution, RunResult result, CancellationToken ct) =>
        RunFinishedAsync(execution, result, new HashSet<Guid>(), ct);

    /// <summary>Records the outcome and the steps not yet in <paramref name="alreadyWritten"/>.</summary>
    public async Task RunFinishedAsync(ExecutionInfo execution, RunResult result, IReadOnlySet<Guid> alreadyWritten, CancellationToken ct)
    {
        await using var db = contexts();
        // Update by key without reading the row first: the start time was written when the run was created or claimed.
        var row = new WorkflowExecution { Id = execution.ExecutionId, TenantId = execution.TenantId, WorkflowId = execution.WorkflowId };
        var entry = db.WorkflowExecutions.Attach(row);
        row.Status = result.Status;
        row.CompletedAt = result.CompletedAt;
        row.Output = OutputLimiter.ToStored(result.Output);
        row.Error = result.Error is null
            ? null
            : new JsonObject { ["nodeId"] = result.Error.NodeId, ["message"] = result.Error.Message }.ToJsonString(EngineJson.Options);
        foreach (var changed in new[] { nameof(row.Status), nameof(row.CompletedAt), nameof(row.Output), nameof(row.Error) })
        {
            entry.Property(changed).IsModified = true;
        }

        db.NodeExecutions.AddRange(result.Nodes.Where(n => !alreadyWritten.Contains(n.Id)).Select(n => ToEntity(execution, n)));
        await db.SaveChangesAsync(ct);
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
