using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Workflows;

/// <summary>
/// The saved versions of a workflow's graph: list them, read one, and restore one — a restore is a new save of that
/// version's graph, so history only grows and a restore can itself be undone by restoring again.
/// </summary>
public sealed class WorkflowVersionService(IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user, WorkflowService workflows)
{
    public const int MaxListed = 200;

    /// <summary>Newest first; null when the workflow does not exist in this tenant.</summary>
    public async Task<IReadOnlyList<WorkflowVersionSummary>?> ListAsync(Guid workflowId, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewWorkflows);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Workflows.AnyAsync(w => w.Id == workflowId, ct))
        {
            return null;
        }

        return await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == workflowId)
            .OrderByDescending(v => v.Version).ThenByDescending(v => v.CreatedAt)
            .Take(MaxListed)
            .GroupJoin(db.Users, v => v.CreatedByUserId, u => u.Id, (v, users) => new { v, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new WorkflowVersionSummary(x.v.Version, x.v.ChangeNote,
                u == null ? "(deleted user)" : u.DisplayName ?? u.Email ?? "(unknown)", x.v.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<WorkflowVersionDetail?> GetAsync(Guid workflowId, int version, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewWorkflows);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == workflowId && v.Version == version)
            .OrderByDescending(v => v.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var author = await db.Users.Where(u => u.Id == row.CreatedByUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct);
        return new WorkflowVersionDetail(row.Version, row.ChangeNote, author ?? "(deleted user)", row.CreatedAt,
            WorkflowGraphJson.Parse(row.Nodes), WorkflowGraphJson.Parse(row.Edges));
    }

    /// <summary>Saves the graph of <paramref name="version"/> as the newest version; null when either is missing.</summary>
    public async Task<WorkflowDetail?> RestoreAsync(Guid workflowId, int version, Guid? expectedStamp, CancellationToken ct = default)
    {
        user.Demand(Permission.EditWorkflows);
        if (await GetAsync(workflowId, version, ct) is not { } saved)
        {
            return null;
        }

        return await workflows.UpdateAsync(workflowId, new WorkflowChange(
            NodesJson: saved.Nodes.GetRawText(),
            EdgesJson: saved.Edges.GetRawText(),
            ChangeNote: $"Restored version {version}",
            ExpectedStamp: expectedStamp), ct);
    }
}
