using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Operations.Maintenance;

/// <summary>
/// Purges old data of the run's own tenant: finished runs with their node steps, and (once the memory store
/// exists) expired memories. Output: <c>{ dryRun, executions: { olderThan, matched, deleted, nodeExecutionsMatched,
/// nodeExecutionsDeleted }, memories: { skipped } }</c> (the parts of the chosen operation).
/// </summary>
public sealed class MaintenanceNodeType : NodeType<MaintenanceConfig>
{
    public override string Id => "maintenance";
    public override string Label => "Maintenance";
    public override NodeCategory Category => NodeCategory.Operations;
    public override string Icon => "Wrench";
    public override string Color => "#64748B";
    public override string Description => "Perform maintenance and cleanup tasks";

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, MaintenanceConfig config, CancellationToken cancellationToken)
    {
        var output = new JsonObject { ["dryRun"] = config.DryRun };

        if (config.Operation is MaintenanceOperation.PurgeExecutions or MaintenanceOperation.Both)
        {
            output["executions"] = await PurgeExecutionsAsync(context, config, cancellationToken);
        }

        if (config.Operation is MaintenanceOperation.PurgeExpiredMemories or MaintenanceOperation.Both)
        {
            context.Log("Expired memories were not purged: there is no memory store yet.");
            output["memories"] = new JsonObject { ["skipped"] = "no memory store yet" };
        }

        return NodeOutcome.Of(output);
    }

    private static async Task<JsonObject> PurgeExecutionsAsync(NodeContext context, MaintenanceConfig config, CancellationToken cancellationToken)
    {
        var statuses = Validate(config);
        var workflowId = OperationsDatabase.ParseWorkflowId(config.WorkflowId);
        var cutoff = DateTime.UtcNow.AddDays(-config.OlderThanDays);
        var tenantId = context.Execution.TenantId;
        var current = context.Execution.ExecutionId;

        return await OperationsDatabase.UseAsync(context, async db =>
        {
            if (workflowId is { } id)
            {
                await OperationsDatabase.WorkflowNameAsync(db, tenantId, id, cancellationToken);
            }

            var runs = OperationsDatabase.Executions(db, tenantId)
                .Where(e => e.Id != current && statuses.Contains(e.Status))
                .Where(e => e.CompletedAt != null ? e.CompletedAt < cutoff : e.TriggeredAt < cutoff);
            if (workflowId is { } only)
            {
                runs = runs.Where(e => e.WorkflowId == only);
            }

            var steps = OperationsDatabase.NodeExecutions(db, tenantId).Where(n => runs.Select(e => e.Id).Contains(n.ExecutionId));

            var matched = await runs.CountAsync(cancellationToken);
            var stepsMatched = await steps.CountAsync(cancellationToken);
            int deleted = 0, stepsDeleted = 0;
            if (!config.DryRun && matched > 0)
            {
                // Steps first and explicitly: the count is exact, and nothing depends on the provider cascading.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                stepsDeleted = await steps.ExecuteDeleteAsync(cancellationToken);
                deleted = await runs.ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            context.Log(config.DryRun
                ? $"Dry run: {matched} runs ({stepsMatched} node steps) older than {config.OlderThanDays} days would be purged."
                : $"Purged {deleted} runs ({stepsDeleted} node steps) older than {config.OlderThanDays} days.");
            return new JsonObject
            {
                ["olderThan"] = cutoff.ToString("O"),
                ["statuses"] = new JsonArray(statuses.Select(s => (JsonNode)Name(s)).ToArray()),
                ["matched"] = matched,
                ["deleted"] = deleted,
                ["nodeExecutionsMatched"] = stepsMatched,
                ["nodeExecutionsDeleted"] = stepsDeleted,
            };
        });
    }

    private static List<ExecutionStatus> Validate(MaintenanceConfig config)
    {
        if (config.OlderThanDays < 1)
        {
            throw new NodeFailedException($"'olderThanDays' must be at least 1 (got {config.OlderThanDays}).");
        }

        if (config.Statuses.Count == 0)
        {
            throw new NodeFailedException("'statuses' must list at least one run status to purge.");
        }

        var live = config.Statuses.Where(s => s is ExecutionStatus.Running or ExecutionStatus.Pending).Distinct().ToList();
        if (live.Count > 0)
        {
            throw new NodeFailedException(
                $"'statuses' may not include {string.Join(" or ", live.Select(Name))}: live runs are never purged.");
        }

        return config.Statuses.Distinct().ToList();
    }

    /// <summary>A status as workflows and the database write it: <c>completed</c>.</summary>
    private static string Name(ExecutionStatus status) => status.ToString().ToLowerInvariant();
}
