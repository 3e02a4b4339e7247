using System.Security.Claims;
using Zygo.Data.Entities;

namespace Zygo.Web.Security;

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? TenantId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ZygoClaims.TenantId), out var id) ? id : null;

    public static TenantRole? TenantRole(this ClaimsPrincipal principal) =>
        Enum.TryParse<TenantRole>(principal.FindFirstValue(ZygoClaims.Role), out var role) ? role : null;

    public static bool Can(this ClaimsPrincipal principal, Permission permission) =>
        principal.TenantRole() is { } role && RolePermissions.Has(role, permission);
}
