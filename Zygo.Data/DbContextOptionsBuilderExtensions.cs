using Microsoft.EntityFrameworkCore;

namespace Zygo.Data;

public static class DbContextOptionsBuilderExtensions
{
    /// <summary>Points the context at one provider, with the migrations that belong to that provider.</summary>
    public static DbContextOptionsBuilder<T> UseZygoProvider<T>(this DbContextOptionsBuilder<T> builder,
        DatabaseProvider provider, string connectionString) where T : ZygoDbContext
    {
        var migrationsAssembly = typeof(ZygoDbContext).Assembly.GetName().Name;
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrationsAssembly))
                .AddInterceptors(Sqlite.SqlitePragmaInterceptor.Instance),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        return builder;
    }
}
