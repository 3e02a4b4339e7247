using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Service;

namespace Zygo.Web.Executions;

/// <summary>
/// Drains the durable queue: pending executions in the database. Each is claimed with a conditional update (so two
/// instances never run the same one) and run by a bounded pool. Queued runs left by a crash are picked up at start.
/// </summary>
public sealed class ExecutionQueueWorker(
    IServiceScopeFactory scopes,
    WorkflowExecutor executor,
    ExecutionCancellations cancellations,
    ExecutionQueue queue,
    IConfiguration configuration,
    ILogger<ExecutionQueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Clamp(configuration.GetValue("Zygo:Execution:Workers", 4), 1, 64);
        using var slots = new SemaphoreSlim(workers);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A slot first, then a claim: a claimed run is marked running, so it must start at once.
                await slots.WaitAsync(stoppingToken);
                if (await ClaimNextAsync(stoppingToken) is not var (tenantId, executionId))
                {
                    slots.Release();
                    await queue.WaitAsync(PollInterval, stoppingToken);
                    continue;
                }

                _ = Task.Run(async () =>
                {
                    try
                    {
                        await executor.RunAsync(tenantId, executionId, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogError(ex, "Queued execution {ExecutionId} failed to run.", executionId);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                slots.Release();
                logger.LogError(ex, "The execution queue could not be read; retrying.");
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Claims the oldest pending execution with a conditional update, so two instances never take the same one.</summary>
    private async Task<(Guid TenantId, Guid ExecutionId)?> ClaimNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
        var pending = await db.WorkflowExecutions.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status == ExecutionStatus.Pending)
            .OrderBy(e => e.TriggeredAt).Take(8)
            .Select(e => new { e.TenantId, e.Id }).ToListAsync(ct);
        foreach (var candidate in pending)
        {
            var now = DateTime.UtcNow;
            // Cancellable before the row says running: a cancel that sees it running finds the run here.
            cancellations.Reserve(candidate.Id);
            var won = 0;
            try
            {
                won = await db.WorkflowExecutions.IgnoreQueryFilters()
                    .Where(e => e.Id == candidate.Id && e.Status == ExecutionStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExecutionStatus.Running).SetProperty(e => e.StartedAt, now), ct);
            }
            finally
            {
                if (won != 1)
                {
                    cancellations.Unregister(candidate.Id);
                }
            }

            if (won == 1)
            {
                return (candidate.TenantId, candidate.Id);
            }
        }

        return null;
    }
}
