namespace Zygo.Data;

/// <summary>The tenant the current request or circuit works in; null outside any tenant (sign-in, start-up).</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
}

/// <summary>A fixed tenant context: for start-up jobs, design-time tooling and tests.</summary>
public sealed class FixedTenantContext(Guid? tenantId) : ITenantContext
{
    public static readonly FixedTenantContext None = new(null);

    public Guid? TenantId { get; } = tenantId;
}
