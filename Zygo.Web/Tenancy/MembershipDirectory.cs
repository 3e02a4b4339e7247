using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zygo.Data;

namespace Zygo.Web.Tenancy;

/// <summary>
/// A user's tenants and roles, read from the database and cached briefly: every request needs them, and a
/// role change must still take effect at once, so writers call <see cref="Invalidate"/>.
/// </summary>
public sealed class MembershipDirectory(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<MembershipInfo>> ForUserAsync(Guid userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(userId), out IReadOnlyList<MembershipInfo>? cached) && cached is not null)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
        var list = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == userId)
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { m.TenantId, t.Name, m.Role, m.CreatedAt })
            .OrderBy(m => m.CreatedAt)
            .Select(m => new MembershipInfo(m.TenantId, m.Name, m.Role))
            .ToListAsync(ct);
        cache.Set(Key(userId), (IReadOnlyList<MembershipInfo>)list, Lifetime);
        return list;
    }

    public void Invalidate(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"zygo:memberships:{userId}";
}
