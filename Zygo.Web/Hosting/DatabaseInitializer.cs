using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Nodes;
using Zygo.Web.Documentation;
using Zygo.Web.Seeding;

namespace Zygo.Web.Hosting;

/// <summary>
/// Brings the database up to date before the app serves requests: applies this provider's migrations, marks
/// runs a previous process left running as interrupted, brings the node type catalogue and the documentation pages in step with this build,
/// and seeds an empty install.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using var db = sp.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the one writer work at the same time.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await db.WorkflowExecutions.IgnoreQueryFilters()
            .Where(e => e.Status == ExecutionStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExecutionStatus.Interrupted)
                .SetProperty(e => e.CompletedAt, DateTime.UtcNow), ct);

        await NodeTypeCatalogSync.SyncAsync(db, sp.GetRequiredService<NodeTypeRegistry>(), ct);
        await DocumentationSync.SyncAsync(db, sp.GetRequiredService<DocumentationLibrary>(), ct);

        await sp.GetRequiredService<DemoSeeder>().SeedAsync(ct);
    }
}
