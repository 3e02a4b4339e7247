using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Zygo.Data.Providers;

public sealed class PostgresZygoDbContext(DbContextOptions<PostgresZygoDbContext> options, ITenantContext tenant)
    : ZygoDbContext(options, tenant)
{
    protected override string? JsonColumnType => "jsonb";
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresZygoDbContext>
{
    public PostgresZygoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresZygoDbContext>()
            .UseZygoProvider(DatabaseProvider.PostgreSql, "Host=localhost;Database=zygo;Username=zygo").Options,
            FixedTenantContext.None);
}
