using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Web.Common;

namespace Zygo.Web.Accounts;

/// <summary>Creates a tenant with its first Owner; used by sign-up and by the demo seed.</summary>
public static class TenantProvisioner
{
    public static async Task<Tenant> CreateAsync(ZygoDbContext db, string name, Guid ownerId, CancellationToken ct)
    {
        var baseSlug = Slug.From(name);
        var slug = baseSlug;
        for (var n = 2; await db.Tenants.AnyAsync(t => t.Slug == slug, ct); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        var tenant = new Tenant { Name = name, Slug = slug };
        db.Tenants.Add(tenant);
        db.Memberships.Add(new TenantMembership { TenantId = tenant.Id, UserId = ownerId, Role = TenantRole.Owner });
        return tenant;
    }
}
