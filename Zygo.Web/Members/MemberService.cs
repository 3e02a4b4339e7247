using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Web.Audit;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Members;

/// <summary>
/// The members of the current tenant and their roles. Two rules guard against locking a tenant out: only an
/// Owner grants or takes away the Owner role, and the last Owner stays an Owner.
/// </summary>
public sealed class MemberService(
    IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user, AuditTrail audit, MembershipDirectory directory)
{
    public async Task<IReadOnlyList<MemberSummary>> ListAsync(CancellationToken ct = default)
    {
        user.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var members = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .Select(x => new MemberSummary(x.m.Id, x.u.Id, x.u.Email ?? "", x.u.DisplayName, x.m.Role, x.m.CreatedAt))
            .ToListAsync(ct);
        // Roles are stored by name; rank order (Owner first) is the enum's, so sort here rather than in SQL.
        return members.OrderBy(m => m.Role).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task ChangeRoleAsync(Guid membershipId, TenantRole role, CancellationToken ct = default)
    {
        user.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, ct)
                         ?? throw new InputValidationException("member", "That member is not in this tenant.");
        if (membership.Role == role)
        {
            return;
        }

        if ((role == TenantRole.Owner || membership.Role == TenantRole.Owner) && user.Role != TenantRole.Owner)
        {
            throw new PermissionDeniedException(Permission.ManageMembers);
        }

        await EnsureAnotherOwnerAsync(db, membership, ct);
        var previous = membership.Role;
        membership.Role = role;
        audit.Record(db, "member.role_changed", "user", membership.UserId, new { from = previous, to = role });
        await db.SaveChangesAsync(ct);
        directory.Invalidate(membership.UserId);
    }

    public async Task RemoveAsync(Guid membershipId, CancellationToken ct = default)
    {
        user.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, ct)
                         ?? throw new InputValidationException("member", "That member is not in this tenant.");
        if (membership.Role == TenantRole.Owner && user.Role != TenantRole.Owner)
        {
            throw new PermissionDeniedException(Permission.ManageMembers);
        }

        await EnsureAnotherOwnerAsync(db, membership, ct);
        db.Memberships.Remove(membership);
        audit.Record(db, "member.removed", "user", membership.UserId);
        await db.SaveChangesAsync(ct);
        directory.Invalidate(membership.UserId);
    }

    private static async Task EnsureAnotherOwnerAsync(ZygoDbContext db, TenantMembership membership, CancellationToken ct)
    {
        if (membership.Role == TenantRole.Owner &&
            !await db.Memberships.AnyAsync(m => m.Role == TenantRole.Owner && m.Id != membership.Id, ct))
        {
            throw new ConflictException("A tenant needs at least one Owner. Make someone else Owner first.");
        }
    }
}
