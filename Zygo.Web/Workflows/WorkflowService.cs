using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Web.Audit;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Workflows;

/// <summary>
/// Workflow CRUD for pages and the API alike: checks the permission, keeps slugs unique per tenant, writes a
/// version row when the graph changes, and records every change in the audit log. A context per call keeps it
/// safe inside a long-lived Blazor circuit.
/// </summary>
public sealed class WorkflowService(IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxPageSize = 200;
    public const string StaleMessage = "This workflow was saved by someone else since you opened it.";

    public async Task<PagedResult<WorkflowSummary>> ListAsync(WorkflowQuery query, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewWorkflows);
        var limit = Math.Clamp(query.Limit, 1, MaxPageSize);
        var offset = Math.Max(0, query.Offset);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = db.Workflows.AsNoTracking();
        if (query.Status is { } status)
        {
            q = q.Where(w => w.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower-cased on both sides: LIKE is case-sensitive on PostgreSQL and collation-dependent on SQL Server.
            var term = $"%{EscapeLike(query.Search.Trim().ToLowerInvariant())}%";
            q = q.Where(w => EF.Functions.Like(w.Name.ToLower(), term, "\\") ||
                             (w.Description != null && EF.Functions.Like(w.Description.ToLower(), term, "\\")));
        }

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(w => w.UpdatedAt).ThenBy(w => w.Name)
            .Skip(offset).Take(limit)
            .Select(w => new WorkflowSummary(w.Id, w.Name, w.Description, w.Slug, w.Status, w.Version,
                w.PublishedVersion, w.CreatedAt, w.UpdatedAt))
            .ToListAsync(ct);
        return new PagedResult<WorkflowSummary>(items, total, limit, offset);
    }

    public async Task<WorkflowDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewWorkflows);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        return workflow is null ? null : ToDetail(workflow);
    }

    public async Task<WorkflowDetail> CreateAsync(WorkflowDraft draft, CancellationToken ct = default)
    {
        user.Demand(Permission.CreateWorkflows);
        var name = RequireName(draft.Name);
        var description = CheckDescription(draft.Description);
        var nodes = WorkflowGraphJson.Normalize(draft.NodesJson, "nodes");
        var edges = WorkflowGraphJson.Normalize(draft.EdgesJson, "edges");

        await using var db = await contexts.CreateDbContextAsync(ct);
        var slug = draft.Slug is null
            ? await FreeSlugAsync(db, Slug.From(name), ct)
            : await RequireFreeSlugAsync(db, draft.Slug, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var workflow = new Workflow
        {
            Name = name,
            Description = description,
            Slug = slug,
            Nodes = nodes,
            Edges = edges,
            CreatedByUserId = user.RequireUserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Workflows.Add(workflow);
        AddVersion(db, workflow, "Created");
        audit.Record(db, "workflow.created", "workflow", workflow.Id, new { workflow.Name, workflow.Slug });
        await SaveAsync(db, ct);
        return ToDetail(workflow);
    }

    public async Task<WorkflowDetail?> UpdateAsync(Guid id, WorkflowChange change, CancellationToken ct = default)
    {
        user.Demand(Permission.EditWorkflows);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null)
        {
            return null;
        }

        if (change.ExpectedStamp is { } expected && expected != workflow.ConcurrencyStamp)
        {
            throw new ConflictException(StaleMessage);
        }

        var changed = new List<string>();
        if (change.Name is not null && change.Name != workflow.Name)
        {
            workflow.Name = RequireName(change.Name);
            changed.Add("name");
        }

        if (change.Description is not null && change.Description != workflow.Description)
        {
            workflow.Description = CheckDescription(change.Description);
            changed.Add("description");
        }

        if (change.Slug is not null && change.Slug != workflow.Slug)
        {
            workflow.Slug = await RequireFreeSlugAsync(db, change.Slug, workflow.Id, ct);
            changed.Add("slug");
        }

        if (change.Status is { } status && status != workflow.Status)
        {
            workflow.Status = status;
            changed.Add("status");
        }

        var graphChanged = false;
        if (change.NodesJson is not null)
        {
            var nodes = WorkflowGraphJson.Normalize(change.NodesJson, "nodes");
            graphChanged |= nodes != workflow.Nodes;
            workflow.Nodes = nodes;
        }

        if (change.EdgesJson is not null)
        {
            var edges = WorkflowGraphJson.Normalize(change.EdgesJson, "edges");
            graphChanged |= edges != workflow.Edges;
            workflow.Edges = edges;
        }

        if (graphChanged)
        {
            workflow.Version++;
            AddVersion(db, workflow, change.ChangeNote);
            changed.Add("graph");
        }

        if (changed.Count > 0)
        {
            workflow.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            workflow.ConcurrencyStamp = Guid.NewGuid();
            audit.Record(db, "workflow.updated", "workflow", workflow.Id, new { fields = changed, workflow.Version });
            await SaveAsync(db, ct);
        }

        return ToDetail(workflow);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.DeleteWorkflows);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null)
        {
            return false;
        }

        db.Workflows.Remove(workflow);
        audit.Record(db, "workflow.deleted", "workflow", workflow.Id, new { workflow.Name, workflow.Slug });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<WorkflowDetail?> DuplicateAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.CreateWorkflows);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var source = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (source is null)
        {
            return null;
        }

        var name = Truncate($"{source.Name} (copy)", MaxNameLength);
        var now = clock.GetUtcNow().UtcDateTime;
        var copy = new Workflow
        {
            Name = name,
            Description = source.Description,
            Slug = await FreeSlugAsync(db, Slug.From(name), ct),
            Nodes = source.Nodes,
            Edges = source.Edges,
            CreatedByUserId = user.RequireUserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Workflows.Add(copy);
        AddVersion(db, copy, $"Duplicated from {source.Name}");
        audit.Record(db, "workflow.duplicated", "workflow", copy.Id, new { sourceId = source.Id, copy.Name });
        await SaveAsync(db, ct);
        return ToDetail(copy);
    }

    private void AddVersion(ZygoDbContext db, Workflow workflow, string? note) =>
        db.WorkflowVersions.Add(new WorkflowVersion
        {
            WorkflowId = workflow.Id,
            Version = workflow.Version,
            Nodes = workflow.Nodes,
            Edges = workflow.Edges,
            CreatedByUserId = user.RequireUserId(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ChangeNote = note is null ? null : Truncate(note, 1000),
        });

    /// <summary>The unique index is the final word on slugs: a race between two creators surfaces as a conflict.</summary>
    private static async Task SaveAsync(ZygoDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(StaleMessage);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw new ConflictException("A workflow with this slug already exists in this tenant.");
        }
    }

    private static async Task<string> FreeSlugAsync(ZygoDbContext db, string baseSlug, CancellationToken ct)
    {
        var taken = await db.Workflows.Where(w => w.Slug == baseSlug || w.Slug.StartsWith(baseSlug + "-"))
            .Select(w => w.Slug).ToListAsync(ct);
        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n;
            var candidate = Truncate(baseSlug, Slug.MaxLength - suffix.Length) + suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static async Task<string> RequireFreeSlugAsync(ZygoDbContext db, string slug, Guid? self, CancellationToken ct)
    {
        if (!Slug.IsValid(slug))
        {
            throw new InputValidationException("slug",
                $"'{slug}' is not a valid slug: use 1 to {Slug.MaxLength} lower-case letters, digits and single dashes.");
        }

        if (await db.Workflows.AnyAsync(w => w.Slug == slug && w.Id != self, ct))
        {
            throw new ConflictException($"A workflow with the slug '{slug}' already exists in this tenant.");
        }

        return slug;
    }

    private static string RequireName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new InputValidationException("name", "A workflow needs a name.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new InputValidationException("name", $"The name is longer than {MaxNameLength} characters.");
        }

        return trimmed;
    }

    private static string? CheckDescription(string? description)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            throw new InputValidationException("description", $"The description is longer than {MaxDescriptionLength} characters.");
        }

        return string.IsNullOrWhiteSpace(description) ? null : description;
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static WorkflowDetail ToDetail(Workflow w) =>
        new(w.Id, w.Name, w.Description, w.Slug, w.Status, w.Version, w.PublishedVersion,
            WorkflowGraphJson.Parse(w.Nodes), WorkflowGraphJson.Parse(w.Edges), w.CreatedByUserId, w.CreatedAt, w.UpdatedAt, w.ConcurrencyStamp);
}
