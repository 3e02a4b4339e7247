using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Web.Common;
using Zygo.Web.Hosting;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Accounts;

/// <summary>
/// Sign-up and joining tenants. The first user of an empty install becomes Owner of a new tenant; after that a
/// sign-up needs an invitation unless registration is open.
/// </summary>
public sealed class AccountService(
    UserManager<ZygoUser> users,
    ISystemDbContextFactory system,
    IOptions<ZygoOptions> options,
    MembershipDirectory directory,
    TimeProvider clock)
{
    public async Task<RegistrationResult> RegisterAsync(string email, string password, string? displayName,
        string? invitationToken, CancellationToken ct = default)
    {
        var address = EmailAddress.Normalize(email);
        if (address is null)
        {
            return RegistrationResult.Fail("Enter a valid email address.");
        }

        await using var db = system.CreateDbContext();
        var invitation = invitationToken is null ? null : await FindOpenInvitationAsync(db, invitationToken, ct);
        if (invitationToken is not null && invitation is null)
        {
            return RegistrationResult.Fail("This invitation is invalid, expired or already used.");
        }

        if (invitation is not null && !string.Equals(invitation.Email, address, StringComparison.OrdinalIgnoreCase))
        {
            return RegistrationResult.Fail($"This invitation is for {invitation.Email}.");
        }

        var firstUser = !await users.Users.AnyAsync(ct);
        var mode = options.Value.Registration.Mode;
        if (invitation is null && !firstUser && mode != RegistrationMode.Open)
        {
            return RegistrationResult.Fail(mode == RegistrationMode.Disabled
                ? "Sign-up is disabled on this Zygo. Ask an administrator for an account."
                : "Sign-up needs an invitation. Ask an administrator of your team to invite you.");
        }

        var user = new ZygoUser
        {
            UserName = address,
            Email = address,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return RegistrationResult.Fail(created.Errors.Select(e => e.Description).ToArray());
        }

        Guid tenantId;
        if (invitation is not null)
        {
            tenantId = Join(db, invitation, user.Id);
        }
        else
        {
            var tenant = await TenantProvisioner.CreateAsync(db, $"{user.DisplayName ?? address.Split('@')[0]}'s workspace", user.Id, ct);
            tenantId = tenant.Id;
        }

        await db.SaveChangesAsync(ct);
        user.LastTenantId = tenantId;
        await users.UpdateAsync(user);
        directory.Invalidate(user.Id);
        return new RegistrationResult(user, tenantId, []);
    }

    /// <summary>Adds a signed-in user to the invitation's tenant; the invitation must be addressed to them.</summary>
    public async Task<(Guid? TenantId, string? Error)> AcceptAsync(Guid userId, string invitationToken, CancellationToken ct = default)
    {
        await using var db = system.CreateDbContext();
        var invitation = await FindOpenInvitationAsync(db, invitationToken, ct);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (invitation is null)
        {
            return (null, "This invitation is invalid, expired or already used.");
        }

        if (!string.Equals(invitation.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"This invitation is for {invitation.Email}; you are signed in as {user.Email}.");
        }

        var already = await db.Memberships.IgnoreQueryFilters()
            .AnyAsync(m => m.TenantId == invitation.TenantId && m.UserId == userId, ct);
        if (!already)
        {
            Join(db, invitation, userId);
        }
        else
        {
            invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        }

        user.LastTenantId = invitation.TenantId;
        await db.SaveChangesAsync(ct);
        directory.Invalidate(userId);
        return (invitation.TenantId, null);
    }

    public async Task<Invitation?> FindOpenInvitationAsync(string token, CancellationToken ct = default)
    {
        await using var db = system.CreateDbContext();
        return await FindOpenInvitationAsync(db, token, ct);
    }

    private async Task<Invitation?> FindOpenInvitationAsync(ZygoDbContext db, string token, CancellationToken ct)
    {
        var hash = SecretToken.Hash(token);
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    /// <summary>The tenant a sign-in opens: the last one used if the user still belongs to it, else the oldest.</summary>
    public async Task<Guid?> ChooseTenantAsync(ZygoUser user, CancellationToken ct = default)
    {
        var memberships = await directory.ForUserAsync(user.Id, ct);
        return memberships.FirstOrDefault(m => m.TenantId == user.LastTenantId)?.TenantId
               ?? memberships.FirstOrDefault()?.TenantId;
    }

    private Guid Join(ZygoDbContext db, Invitation invitation, Guid userId)
    {
        invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        db.Memberships.Add(new TenantMembership { TenantId = invitation.TenantId, UserId = userId, Role = invitation.Role });
        db.AuditLog.Add(new AuditLogEntry
        {
            TenantId = invitation.TenantId,
            UserId = userId,
            Action = "invitation.accepted",
            TargetType = "invitation",
            TargetId = invitation.Id.ToString(),
        });
        return invitation.TenantId;
    }
}
