using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Zygo.Data.Providers;

public sealed class SqlServerZygoDbContext(DbContextOptions<SqlServerZygoDbContext> options, ITenantContext tenant)
    : ZygoDbContext(options, tenant);

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerZygoDbContext>
{
    public SqlServerZygoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerZygoDbContext>()
            .UseZygoProvider(DatabaseProvider.SqlServer, "Server=localhost;Database=zygo;Trusted_Connection=True;TrustServerCertificate=True")
            .Options, FixedTenantContext.None);
}
