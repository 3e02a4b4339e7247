using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Web.Audit;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.ApiKeys;

/// <summary>The signed-in user's personal API keys in the current tenant; a key acts with its owner's role there.</summary>
public sealed class ApiKeyService(IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user, AuditTrail audit, ApiKeyDirectory keys,
    TimeProvider clock)
{
    /// <summary>Characters of the token kept in clear to tell keys apart in lists.</summary>
    private const int VisiblePrefixLength = 12;

    public async Task<IReadOnlyList<ApiKeySummary>> ListMineAsync(CancellationToken ct = default)
    {
        user.Demand(Permission.UseApiKeys);
        var userId = user.RequireUserId();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.ExpiresAt, k.RevokedAt))
            .ToListAsync(ct);
    }

    public async Task<CreatedApiKey> CreateAsync(string name, int? expiresInDays, CancellationToken ct = default)
    {
        user.Demand(Permission.UseApiKeys);
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 200)
        {
            throw new InputValidationException("name", "Give the key a name of 1 to 200 characters.");
        }

        if (expiresInDays is < 1 or > 3650)
        {
            throw new InputValidationException("expiresInDays", "A key expires after 1 to 3650 days, or never.");
        }

        var token = SecretToken.New(ApiKeyAuthenticationHandler.TokenPrefix);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKey
        {
            UserId = user.RequireUserId(),
            Name = trimmed,
            Prefix = token[..VisiblePrefixLength],
            KeyHash = SecretToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiKeys.Add(key);
        audit.Record(db, "api_key.created", "api_key", key.Id, new { key.Name, key.Prefix });
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(new ApiKeySummary(key.Id, key.Name, key.Prefix, now, null, key.ExpiresAt, null), token);
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.UseApiKeys);
        var userId = user.RequireUserId();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.UserId == userId, ct);
        if (key is null || key.RevokedAt is not null)
        {
            return false;
        }

        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(db, "api_key.revoked", "api_key", key.Id, new { key.Name });
        await db.SaveChangesAsync(ct);
        keys.Invalidate(key.KeyHash);
        return true;
    }
}
