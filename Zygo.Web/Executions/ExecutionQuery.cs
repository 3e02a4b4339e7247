using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Engine.Execution.Service;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Executions;

/// <summary>Reads the current tenant's workflow runs, newest first.</summary>
public sealed class ExecutionQuery(IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user)
{
    public const int MaxPageSize = 200;

    public async Task<PagedResult<ExecutionSummary>> ListAsync(ExecutionFilter filter, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewLogs);
        var limit = Math.Clamp(filter.Limit, 1, MaxPageSize);
        var offset = Math.Max(0, filter.Offset);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = db.WorkflowExecutions.AsNoTracking();
        if (filter.WorkflowId is { } workflowId)
        {
            q = q.Where(e => e.WorkflowId == workflowId);
        }

        if (filter.Status is { } status)
        {
            q = q.Where(e => e.Status == status);
        }

        if (filter.TriggeredBy is { } source)
        {
            q = q.Where(e => e.TriggeredBy == source);
        }

        if (filter.From is { } from)
        {
            q = q.Where(e => e.TriggeredAt >= from);
        }

        if (filter.To is { } to)
        {
            q = q.Where(e => e.TriggeredAt < to);
        }

        var rows = q.Join(db.Workflows, e => e.WorkflowId, w => w.Id, (e, w) => new { e, w.Name });
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(x => x.e.TriggeredAt).ThenBy(x => x.e.Id).Skip(offset).Take(limit)
            .Select(x => new ExecutionSummary(x.e.Id, x.e.WorkflowId, x.Name, x.e.Status, x.e.TriggeredBy,
                x.e.TriggeredAt, x.e.StartedAt, x.e.CompletedAt))
            .ToListAsync(ct);
        return new PagedResult<ExecutionSummary>(items, total, limit, offset);
    }

    /// <summary>One run of a workflow of the current tenant with its node executions; null when there is none.</summary>
    public async Task<ExecutionRecord?> GetAsync(Guid workflowId, Guid executionId, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var version = await db.WorkflowExecutions.AsNoTracking().Where(e => e.Id == executionId && e.WorkflowId == workflowId)
            .Select(e => (int?)e.WorkflowVersion).SingleOrDefaultAsync(ct);
        return version is { } v && await ExecutionReader.GetAsync(db, workflowId, executionId, ct) is { } view
            ? new ExecutionRecord(view, v)
            : null;
    }
}
