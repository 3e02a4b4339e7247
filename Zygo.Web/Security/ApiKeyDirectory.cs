using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zygo.Data;
using Zygo.Data.Security;

namespace Zygo.Web.Security;

/// <summary>
/// API keys by the hash of their secret, with their user, cached briefly: every API call needs them and reading two
/// rows per call cost more than a short workflow run. A revoked key must stop working at once, so revoking calls
/// <see cref="Invalidate"/>; other instances notice within <see cref="Lifetime"/>. Unknown keys are never cached.
/// </summary>
public sealed class ApiKeyDirectory(IMemoryCache cache, IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Writing the last-used time on every call would turn each read into a write; once a minute is enough.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>What authentication needs of a key and its user.</summary>
    public sealed record Entry(Guid KeyId, Guid TenantId, Guid UserId, string? UserName, string? Email, DateTime? ExpiresAt,
        DateTime? RevokedAt, DateTimeOffset? LockoutEnd)
    {
        /// <summary>When this instance last recorded the key's use; shared by the requests that read this entry.</summary>
        public DateTime? LastUsedAt { get; set; }

        public bool IsUsable(DateTimeOffset now) =>
            RevokedAt is null && (ExpiresAt is null || ExpiresAt > now.UtcDateTime) && !(LockoutEnd is { } end && end > now);
    }

    /// <summary>The key whose secret is <paramref name="token"/> (usable or not), or null when there is none.</summary>
    public async Task<Entry?> FindAsync(string token, CancellationToken ct)
    {
        var hash = SecretToken.Hash(token);
        if (!cache.TryGetValue(Key(hash), out Entry? entry) || entry is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
            entry = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().Where(k => k.KeyHash == hash)
                .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new Entry(k.Id, k.TenantId, k.UserId, u.UserName, u.Email,
                    k.ExpiresAt, k.RevokedAt, u.LockoutEnd) { LastUsedAt = k.LastUsedAt })
                .SingleOrDefaultAsync(ct);
            if (entry is null)
            {
                return null;
            }

            cache.Set(Key(hash), entry, Lifetime);
        }

        await RecordUseAsync(entry, ct);
        return entry;
    }

    /// <summary>Forgets a key, e.g. when it is revoked, so that the next call reads it again.</summary>
    public void Invalidate(string keyHash) => cache.Remove(Key(keyHash));

    private async Task RecordUseAsync(Entry entry, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!entry.IsUsable(clock.GetUtcNow()) || entry.LastUsedAt is { } last && now - last <= LastUsedResolution)
        {
            return;
        }

        entry.LastUsedAt = now;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
        await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == entry.KeyId)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
    }

    private static string Key(string hash) => $"zygo:api-key:{hash}";
}
