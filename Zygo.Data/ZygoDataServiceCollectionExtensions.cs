using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Providers;
using Zygo.Data.Security;

namespace Zygo.Data;

public static class ZygoDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider's context behind <see cref="ZygoDbContext"/> and
    /// <see cref="IDbContextFactory{ZygoDbContext}"/>. Both are scoped so each context sees the scope's tenant.
    /// </summary>
    public static IServiceCollection AddZygoData(this IServiceCollection services, DatabaseOptions options, string dataPath)
    {
        var connectionString = ResolveConnectionString(options, dataPath);
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => Register<SqliteZygoDbContext>(services, options.Provider, connectionString),
            DatabaseProvider.SqlServer => Register<SqlServerZygoDbContext>(services, options.Provider, connectionString),
            DatabaseProvider.PostgreSql => Register<PostgresZygoDbContext>(services, options.Provider, connectionString),
            _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
        };
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }

    public static string ResolveConnectionString(DatabaseOptions options, string dataPath)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:ConnectionString is required when Database:Provider is {options.Provider}.");
        }

        return $"Data Source={Path.Combine(dataPath, "zygo.db")}";
    }

    private static IServiceCollection Register<TContext>(IServiceCollection services, DatabaseProvider provider,
        string connectionString) where TContext : ZygoDbContext
    {
        void Configure(DbContextOptionsBuilder b) => ((DbContextOptionsBuilder<TContext>)b).UseZygoProvider(provider, connectionString);

        // The options are built once: built per scope, they cost half a millisecond of CPU for every context (EF looks
        // its internal services up again for each new options instance). Registered first, so the factory's own
        // (scoped) registration of them is skipped; contexts and factories stay scoped for the scope's tenant.
        services.AddDbContext<TContext>(Configure, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDbContextFactory<TContext>(Configure, ServiceLifetime.Scoped);
        services.AddScoped<ZygoDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddScoped<IDbContextFactory<ZygoDbContext>, ZygoDbContextFactory<TContext>>();
        services.AddScoped<ISystemDbContextFactory, SystemDbContextFactory<TContext>>();
        services.AddSingleton(sp => new SystemReadContexts(new SystemDbContextFactory<TContext>(sp.GetRequiredService<DbContextOptions<TContext>>()).CreateDbContext));
        return services;
    }

    private sealed class ZygoDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ZygoDbContext>
        where TContext : ZygoDbContext
    {
        public ZygoDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
