using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Zygo.Web.Security;

/// <summary>Builds the <c>perm:X</c> policies on demand so pages and endpoints name permissions, not roles.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Policies.Prefix, StringComparison.Ordinal) &&
            Enum.TryParse<Permission>(policyName[Policies.Prefix.Length..], out var permission))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
