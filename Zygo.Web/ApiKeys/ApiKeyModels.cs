namespace Zygo.Web.ApiKeys;

public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt,
    DateTime? ExpiresAt, DateTime? RevokedAt);

/// <summary>A new key: <see cref="Token"/> is shown this once; only its hash is kept.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Token);
