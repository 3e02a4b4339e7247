using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Zygo.Data.Providers;

public sealed class SqliteZygoDbContext(DbContextOptions<SqliteZygoDbContext> options, ITenantContext tenant)
    : ZygoDbContext(options, tenant);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteZygoDbContext>
{
    public SqliteZygoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteZygoDbContext>()
            .UseZygoProvider(DatabaseProvider.Sqlite, "Data Source=design-time.db").Options, FixedTenantContext.None);
}
