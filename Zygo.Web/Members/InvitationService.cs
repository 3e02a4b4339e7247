using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Web.Audit;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Members;

/// <summary>Invitations into the current tenant. Accepting one happens at sign-up or sign-in (<c>AccountService</c>).</summary>
public sealed class InvitationService(
    IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);
    public const string TokenPrefix = "inv_";

    public async Task<IReadOnlyList<InvitationSummary>> ListAsync(CancellationToken ct = default)
    {
        user.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationSummary(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt))
            .ToListAsync(ct);
    }

    public async Task<CreatedInvitation> CreateAsync(string email, TenantRole role, CancellationToken ct = default)
    {
        user.Demand(Permission.ManageMembers);
        var address = EmailAddress.Normalize(email)
                      ?? throw new InputValidationException("email", "Enter a valid email address.");
        if (role == TenantRole.Owner && user.Role != TenantRole.Owner)
        {
            throw new PermissionDeniedException(Permission.ManageMembers);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var alreadyMember = await db.Memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail)
            .AnyAsync(e => e == address.ToUpperInvariant(), ct);
        if (alreadyMember)
        {
            throw new ConflictException($"{address} is already a member of this tenant.");
        }

        var token = SecretToken.New(TokenPrefix);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Email = address,
            Role = role,
            TokenHash = SecretToken.Hash(token),
            CreatedByUserId = user.RequireUserId(),
            CreatedAt = now,
            ExpiresAt = now + Validity,
        };
        db.Invitations.Add(invitation);
        audit.Record(db, "invitation.created", "invitation", invitation.Id, new { invitation.Email, invitation.Role });
        await db.SaveChangesAsync(ct);
        return new CreatedInvitation(
            new InvitationSummary(invitation.Id, address, role, now, invitation.ExpiresAt, null, null), token);
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || invitation.AcceptedAt is not null)
        {
            return false;
        }

        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(db, "invitation.revoked", "invitation", invitation.Id, new { invitation.Email });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
