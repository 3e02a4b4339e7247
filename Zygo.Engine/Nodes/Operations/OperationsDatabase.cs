using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Operations;

/// <summary>
/// The Zygo database as the operations nodes see it: through the system context (a run has no signed-in user),
/// so every query here names the run's tenant itself and nothing else is reachable.
/// </summary>
internal static class OperationsDatabase
{
    public static async Task<T> UseAsync<T>(NodeContext context, Func<ZygoDbContext, Task<T>> work)
    {
        // The factory is scoped; a scope of our own works whether the runner hands us the root provider or a scope.
        using var scope = context.Services.CreateScope();
        var factory = scope.ServiceProvider.GetService<ISystemDbContextFactory>()
            ?? throw new NodeFailedException($"'{context.Node.DisplayName}' needs the Zygo database, and this host has none configured.");
        try
        {
            await using var db = factory.CreateDbContext();
            return await work(db);
        }
        catch (DbException ex)
        {
            throw new NodeFailedException($"The database could not be used: {ex.Message}", retryable: true, ex);
        }
    }

    public static IQueryable<WorkflowExecution> Executions(ZygoDbContext db, Guid tenantId) =>
        db.WorkflowExecutions.IgnoreQueryFilters().Where(e => e.TenantId == tenantId);

    public static IQueryable<NodeExecution> NodeExecutions(ZygoDbContext db, Guid tenantId) =>
        db.NodeExecutions.IgnoreQueryFilters().Where(n => n.TenantId == tenantId);

    /// <summary>The id in a <c>workflowId</c> field; null when the field is empty.</summary>
    public static Guid? ParseWorkflowId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Guid.TryParse(text.Trim(), out var id)
            ? id
            : throw new NodeFailedException($"'workflowId' is not a workflow id: '{text}'.");
    }

    /// <summary>The workflow's name; fails when the tenant has no such workflow (another tenant's id included).</summary>
    public static async Task<string> WorkflowNameAsync(ZygoDbContext db, Guid tenantId, Guid workflowId, CancellationToken cancellationToken) =>
        await db.Workflows.IgnoreQueryFilters()
            .Where(w => w.TenantId == tenantId && w.Id == workflowId)
            .Select(w => w.Name)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NodeFailedException($"There is no workflow {workflowId} in this tenant.");
}
