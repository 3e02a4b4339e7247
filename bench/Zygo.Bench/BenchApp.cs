using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;

namespace Zygo.Bench;

/// <summary>The real app on Kestrel (loopback) with a fresh SQLite file; quiet logs so logging is not what is measured.</summary>
internal sealed class BenchApp(string dataPath) : WebApplicationFactory<global::Program>
{
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Zygo:DataPath", dataPath);
        builder.UseSetting("Zygo:Seed:OwnerPassword", "Bench-Password-123");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        UseKestrel(0);
    }

    public async Task<(Guid Tenant, Guid Owner)> DemoTenantAndOwnerAsync()
    {
        StartServer();
        await using var db = System();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == "demo");
        var owner = await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenant.Id).Select(m => m.UserId).FirstAsync();
        return (tenant.Id, owner);
    }

    public async Task<Guid> AddWorkflowAsync(Guid tenant, Guid owner, (string Nodes, string Edges) graph)
    {
        await using var db = System();
        var workflow = new Workflow
        {
            TenantId = tenant, Name = "Bench " + Guid.NewGuid().ToString("N")[..6], Slug = "bench-" + Guid.NewGuid().ToString("N")[..8],
            Nodes = graph.Nodes, Edges = graph.Edges, CreatedByUserId = owner,
        };
        db.Workflows.Add(workflow);
        db.WorkflowVersions.Add(new WorkflowVersion
            { TenantId = tenant, WorkflowId = workflow.Id, Version = 1, Nodes = graph.Nodes, Edges = graph.Edges, CreatedByUserId = owner });
        await db.SaveChangesAsync();
        return workflow.Id;
    }

    public async Task<string> ApiKeyAsync(Guid tenant, Guid owner)
    {
        var token = SecretToken.New("zygo_");
        await using var db = System();
        db.ApiKeys.Add(new ApiKey { TenantId = tenant, UserId = owner, Name = "bench", Prefix = token[..12], KeyHash = SecretToken.Hash(token) });
        await db.SaveChangesAsync();
        return token;
    }

    private ZygoDbContext System() => Services.CreateScope().ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
