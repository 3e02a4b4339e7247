using Zygo.Engine.Execution;

namespace Zygo.Tests.Engine.Operations;

/// <summary>A migrated SQLite file with two tenants, A and B, for node tests that must never see the other's rows.</summary>
public abstract class TwoTenantDatabase : IAsyncLifetime
{
    protected OperationsTestDatabase Db { get; private set; } = null!;
    protected ExecutionInfo TenantA { get; private set; } = null!;
    protected ExecutionInfo TenantB { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await OperationsTestDatabase.CreateAsync();
        TenantA = await Db.AddTenantAsync("Tenant A");
        TenantB = await Db.AddTenantAsync("Tenant B");
    }

    public virtual Task DisposeAsync()
    {
        Db.Dispose();
        return Task.CompletedTask;
    }
}
