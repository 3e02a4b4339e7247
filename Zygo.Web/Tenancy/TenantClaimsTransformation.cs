using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Zygo.Web.Security;

namespace Zygo.Web.Tenancy;

/// <summary>
/// Adds the current tenant and the member's role in it to every authenticated principal. The role comes from
/// the database, not the cookie, so a changed or revoked membership applies to the next request.
/// </summary>
public sealed class TenantClaimsTransformation(MembershipDirectory directory) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } || principal.HasClaim(c => c.Type == ZygoClaims.Role) ||
            principal.UserId() is not { } userId)
        {
            return principal;
        }

        var memberships = await directory.ForUserAsync(userId);
        var requested = principal.TenantId();
        var boundToTenant = principal.HasClaim(c => c.Type == ZygoClaims.ApiKeyId);
        var chosen = memberships.FirstOrDefault(m => m.TenantId == requested)
                     ?? (boundToTenant ? null : memberships.FirstOrDefault());

        var clone = principal.Clone();
        var identity = (ClaimsIdentity)clone.Identity!;
        foreach (var stale in identity.FindAll(ZygoClaims.TenantId).ToList())
        {
            identity.RemoveClaim(stale);
        }

        if (chosen is not null)
        {
            identity.AddClaim(new Claim(ZygoClaims.TenantId, chosen.TenantId.ToString()));
            identity.AddClaim(new Claim(ZygoClaims.TenantName, chosen.TenantName));
            identity.AddClaim(new Claim(ZygoClaims.Role, chosen.Role.ToString()));
        }

        return clone;
    }
}
