using System.Security.Claims;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Web.Security;

namespace Zygo.Web.Tenancy;

/// <summary>
/// The scope's user and tenant. An HTTP request fills it from the authenticated principal (middleware); a
/// Blazor circuit fills it when it opens (<see cref="TenantCircuitHandler"/>). It is also the DbContext's
/// <see cref="ITenantContext"/>, so queries in this scope see only this tenant.
/// </summary>
public sealed class TenantSession : ICurrentUser, ITenantContext
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public Guid? UserId { get; private set; }
    public string? Email { get; private set; }
    public Guid? TenantId { get; private set; }
    public string? TenantName { get; private set; }
    public TenantRole? Role { get; private set; }

    public void Initialize(ClaimsPrincipal principal)
    {
        _principal = principal;
        UserId = principal.UserId();
        Email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name);
        Role = principal.TenantRole();
        TenantId = Role is null ? null : principal.TenantId();
        TenantName = principal.FindFirstValue(ZygoClaims.TenantName);
    }

    public bool Can(Permission permission) => _principal.Can(permission);

    public void Demand(Permission permission)
    {
        if (!Can(permission))
        {
            throw new PermissionDeniedException(permission);
        }
    }

    public Guid RequireUserId() => UserId ?? throw new InvalidOperationException("Nobody is signed in.");
}
