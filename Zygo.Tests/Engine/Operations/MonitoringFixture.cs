using Zygo.Data.Entities;
using Zygo.Engine.Execution;

namespace Zygo.Tests.Engine.Operations;

/// <summary>
/// One workflow of tenant A with a known set of runs in the last 24 hours, plus runs that must not count: older
/// ones, another workflow's, another tenant's, and the measuring run itself. Monitoring only reads, so the tests share it.
/// </summary>
public sealed class MonitoringFixture : IAsyncLifetime
{
    public OperationsTestDatabase Database { get; private set; } = null!;
    public ExecutionInfo A { get; private set; } = null!;
    public ExecutionInfo B { get; private set; } = null!;
    public Guid OtherWorkflow { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await OperationsTestDatabase.CreateAsync();
        A = await Database.AddTenantAsync("Tenant A");
        B = await Database.AddTenantAsync("Tenant B");
        OtherWorkflow = await Database.AddWorkflowAsync(A.TenantId, "Other flow");

        var hours = TimeSpan.FromHours(1);
        for (var i = 1; i <= 17; i++)
        {
            await Database.AddRunAsync(A, ExecutionStatus.Completed, i * hours, durationMs: i * 100);
        }

        await Database.AddRunAsync(A, ExecutionStatus.Failed, 2 * hours, durationMs: 5000);
        await Database.AddRunAsync(A, ExecutionStatus.Failed, 3 * hours, durationMs: 50);
        await Database.AddRunAsync(A, ExecutionStatus.Cancelled, 4 * hours, durationMs: 10);
        await Database.AddRunAsync(A, ExecutionStatus.Interrupted, 5 * hours, durationMs: null);
        await Database.AddRunAsync(A, ExecutionStatus.Running, TimeSpan.FromMinutes(5), durationMs: null);
        await Database.AddRunAsync(A, ExecutionStatus.Pending, TimeSpan.FromMinutes(10), durationMs: null);
        await Database.AddRunAsync(A, ExecutionStatus.Running, 2 * hours, durationMs: null);

        // None of these may count.
        await Database.AddRunAsync(A, ExecutionStatus.Running, 3 * hours, durationMs: null, steps: 0, id: A.ExecutionId);
        await Database.AddRunAsync(A, ExecutionStatus.Failed, 30 * hours, durationMs: 90_000);
        await Database.AddRunAsync(A, ExecutionStatus.Failed, hours, durationMs: 90_000, workflowId: OtherWorkflow);
        await Database.AddRunAsync(B, ExecutionStatus.Failed, hours, durationMs: 90_000, steps: 5);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}
