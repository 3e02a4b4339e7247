using Microsoft.EntityFrameworkCore;

namespace Zygo.Data;

/// <summary>
/// Creates contexts outside any tenant: for sign-in, sign-up, invitations and start-up work that must read or
/// write across tenants on purpose. Tenant-scoped queries there need <c>IgnoreQueryFilters()</c> and explicit
/// tenant conditions.
/// </summary>
public interface ISystemDbContextFactory
{
    ZygoDbContext CreateDbContext();
}

internal sealed class SystemDbContextFactory<TContext>(DbContextOptions<TContext> options) : ISystemDbContextFactory
    where TContext : ZygoDbContext
{
    public ZygoDbContext CreateDbContext() =>
        (ZygoDbContext)Activator.CreateInstance(typeof(TContext), options, FixedTenantContext.None)!;
}
