using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;

namespace Zygo.Tests.Engine.Operations;

/// <summary>
/// A fresh, migrated SQLite file in a temporary folder, with a <see cref="NodeHarness"/> whose services use it,
/// and helpers to seed tenants, workflows and runs of any age, status and duration.
/// </summary>
public sealed class OperationsTestDatabase : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "zygo-tests", "ops-" + Guid.NewGuid().ToString("N"));
    private readonly IServiceScope _scope;

    private OperationsTestDatabase()
    {
        Directory.CreateDirectory(_dataPath);
        Harness = new NodeHarness(services => services.AddZygoData(new DatabaseOptions(), _dataPath));
        _scope = Harness.Services.CreateScope();
    }

    public NodeHarness Harness { get; }

    /// <summary>The data folder, for other hosts (an agent harness) to share the same database.</summary>
    public string DataPath => _dataPath;

    /// <summary>The moment run ages are counted from.</summary>
    public DateTime Now { get; } = DateTime.UtcNow;

    public static async Task<OperationsTestDatabase> CreateAsync()
    {
        var database = new OperationsTestDatabase();
        try
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>A context outside any tenant; the seeding scope stays open because contexts need their scope's options.</summary>
    public ZygoDbContext CreateContext() => _scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();

    /// <summary>A tenant with one user and one workflow; the run the node belongs to is a workflow run of it.</summary>
    public async Task<ExecutionInfo> AddTenantAsync(string name)
    {
        await using var db = CreateContext();
        var tenant = new Tenant { Name = name, Slug = Guid.NewGuid().ToString("N") };
        var user = new ZygoUser { UserName = $"{Guid.NewGuid():N}@zygo.test", Email = $"{Guid.NewGuid():N}@zygo.test" };
        db.Tenants.Add(tenant);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var workflowId = await AddWorkflowAsync(tenant.Id, $"{name} flow", user.Id);
        return new ExecutionInfo(tenant.Id, workflowId, Guid.NewGuid());
    }

    /// <summary>Users belong to no tenant: without <paramref name="creator"/>, any user will do as the creator.</summary>
    public async Task<Guid> AddWorkflowAsync(Guid tenantId, string name, Guid? creator = null)
    {
        await using var db = CreateContext();
        creator ??= await db.Users.Select(u => u.Id).FirstAsync();
        var workflow = new Workflow { TenantId = tenantId, Name = name, Slug = Guid.NewGuid().ToString("N"), CreatedByUserId = creator.Value };
        db.Workflows.Add(workflow);
        await db.SaveChangesAsync();
        return workflow.Id;
    }

    /// <summary>
    /// A run triggered <paramref name="age"/> ago that took <paramref name="durationMs"/> (null: no end recorded),
    /// with <paramref name="steps"/> node steps.
    /// </summary>
    public async Task<Guid> AddRunAsync(ExecutionInfo of, ExecutionStatus status, TimeSpan age, long? durationMs = 100,
        int steps = 2, Guid? workflowId = null, Guid? id = null)
    {
        await using var db = CreateContext();
        var triggeredAt = Now - age;
        var run = new WorkflowExecution
        {
            Id = id ?? Guid.NewGuid(),
            TenantId = of.TenantId,
            WorkflowId = workflowId ?? of.WorkflowId,
            WorkflowVersion = 1,
            Status = status,
            TriggeredAt = triggeredAt,
            StartedAt = triggeredAt,
            CompletedAt = durationMs is { } ms ? triggeredAt.AddMilliseconds(ms) : null,
        };
        db.WorkflowExecutions.Add(run);
        for (var i = 0; i < steps; i++)
        {
            db.NodeExecutions.Add(new NodeExecution
            {
                TenantId = of.TenantId, ExecutionId = run.Id, NodeId = $"n{i}", NodeType = "code", Sequence = i,
                StartedAt = triggeredAt, CompletedAt = triggeredAt.AddMilliseconds(10 * (i + 1)),
            });
        }

        await db.SaveChangesAsync();
        return run.Id;
    }

    public async Task<HashSet<Guid>> RunIdsAsync(Guid tenantId)
    {
        await using var db = CreateContext();
        return (await db.WorkflowExecutions.IgnoreQueryFilters().Where(e => e.TenantId == tenantId).Select(e => e.Id).ToListAsync())
            .ToHashSet();
    }

    public async Task<int> StepCountAsync(Guid tenantId)
    {
        await using var db = CreateContext();
        return await db.NodeExecutions.IgnoreQueryFilters().CountAsync(n => n.TenantId == tenantId);
    }

    public void Dispose()
    {
        _scope.Dispose();
        Harness.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the test's own result.
        }
    }
}
