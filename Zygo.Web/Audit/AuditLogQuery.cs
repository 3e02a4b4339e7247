using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Audit;

public sealed record AuditEntryView(Guid Id, DateTime At, string Action, string? UserEmail, string? TargetType,
    string? TargetId, string? Details, string? IpAddress);

/// <summary>Reads the current tenant's audit log, newest first.</summary>
public sealed class AuditLogQuery(IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user)
{
    public async Task<PagedResult<AuditEntryView>> ListAsync(string? action, int limit, int offset, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewAuditLog);
        limit = Math.Clamp(limit, 1, 200);
        offset = Math.Max(0, offset);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            q = q.Where(a => a.Action.StartsWith(action.Trim()));
        }

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.At).Skip(offset).Take(limit)
            .GroupJoin(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new AuditEntryView(
                x.a.Id, x.a.At, x.a.Action, u != null ? u.Email : null, x.a.TargetType, x.a.TargetId, x.a.Details, x.a.IpAddress))
            .ToListAsync(ct);
        return new PagedResult<AuditEntryView>(items, total, limit, offset);
    }
}
