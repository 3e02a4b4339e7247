using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Service;

/// <summary>Reads runs back as <see cref="ExecutionView"/>s from a tenant-scoped context.</summary>
public static class ExecutionReader
{
    public static async Task<ExecutionView?> GetAsync(ZygoDbContext db, Guid workflowId, Guid executionId, CancellationToken ct)
    {
        var execution = await db.WorkflowExecutions.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == executionId && e.WorkflowId == workflowId, ct);
        if (execution is null)
        {
            return null;
        }

        var nodes = await db.NodeExecutions.AsNoTracking().Where(n => n.ExecutionId == executionId)
            .OrderBy(n => n.Sequence).ToListAsync(ct);
        return ToView(execution, nodes.Select(ToView).ToList());
    }

    public static async Task<(IReadOnlyList<ExecutionView> Items, int Total)> ListAsync(ZygoDbContext db, Guid workflowId,
        ExecutionStatus? status, int limit, int offset, CancellationToken ct)
    {
        var q = db.WorkflowExecutions.AsNoTracking().Where(e => e.WorkflowId == workflowId);
        if (status is { } s)
        {
            q = q.Where(e => e.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(e => e.TriggeredAt).Skip(offset).Take(limit).ToListAsync(ct);
        return (rows.Select(r => ToView(r, null)).ToList(), total);
    }

    /// <summary>The view of a run that just ended, straight from its result (no read back).</summary>
    public static ExecutionView FromRun(Guid executionId, Guid workflowId, TriggerSource triggeredBy, JsonNode? input, RunResult run) =>
        new(executionId, workflowId, run.Status, triggeredBy, input, run.Output,
            run.Error is null ? null : new ExecutionErrorView(run.Error.NodeId, run.Error.Message), run.StartedAt, run.StartedAt,
            run.CompletedAt, Math.Round(run.DurationMs, 3),
            run.Nodes.Select(n => new NodeExecutionView(n.NodeId, n.NodeType, n.Status, n.Input, n.Output, n.Error, n.StartedAt,
                n.CompletedAt, n.DurationMs is { } d ? Math.Round(d, 3) : null, n.Attempts, n.Sequence, n.Path)).ToList());

    public static ExecutionView ToView(WorkflowExecution e, IReadOnlyList<NodeExecutionView>? nodes) =>
        new(e.Id, e.WorkflowId, e.Status, e.TriggeredBy, Parse(e.Input), Parse(e.Output), ParseError(e.Error), e.TriggeredAt,
            e.StartedAt, e.CompletedAt, Duration(e.StartedAt, e.CompletedAt), nodes);

    public static NodeExecutionView ToView(NodeExecution n) =>
        new(n.NodeId, n.NodeType, n.Status, Parse(n.Input), Parse(n.Output), n.Error, n.StartedAt, n.CompletedAt,
            Duration(n.StartedAt, n.CompletedAt), n.Attempts, n.Sequence, n.Path);

    private static double? Duration(DateTime? started, DateTime? completed) =>
        started is { } s && completed is { } c ? Math.Round((c - s).TotalMilliseconds, 3) : null;

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static ExecutionErrorView? ParseError(string? json) =>
        Parse(json) is JsonObject o ? new ExecutionErrorView(o["nodeId"]?.GetValue<string>(), o["message"]?.GetValue<string>() ?? "") : null;
}
