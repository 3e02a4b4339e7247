using Zygo.Data.Entities;
using Zygo.Web.Security;

namespace Zygo.Web.Tenancy;

/// <summary>Who is acting, in which tenant, with which role — for services shared by pages and the API.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string? Email { get; }
    Guid? TenantId { get; }
    string? TenantName { get; }
    TenantRole? Role { get; }

    bool Can(Permission permission);

    /// <summary>Throws <see cref="PermissionDeniedException"/> unless the user holds the permission.</summary>
    void Demand(Permission permission);

    /// <summary>The acting user's id; throws when nobody is signed in.</summary>
    Guid RequireUserId();
}
