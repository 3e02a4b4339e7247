using Microsoft.AspNetCore.Authorization;

namespace Zygo.Web.Security;

/// <summary>Grants a permission when the principal's role in its current tenant holds it.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.TenantRole() is { } role && RolePermissions.Has(role, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
