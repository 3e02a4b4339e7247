using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Operations.Monitoring;

/// <summary>
/// Health of one workflow of the run's tenant over a recent window: run counts, success rate, durations, stuck
/// runs and the slowest nodes, checked against thresholds. Output: <c>{ workflow, window, metrics, breaches, healthy }</c>.
/// The run doing the measuring is left out of every figure.
/// </summary>
public sealed class MonitoringNodeType : NodeType<MonitoringConfig>
{
    private const double MaxWindowHours = 366 * 24;
    private const int SlowestNodesListed = 5;

    public override string Id => "monitoring";
    public override string Label => "Monitoring";
    public override NodeCategory Category => NodeCategory.Operations;
    public override string Icon => "Activity";
    public override string Color => "#0891B2";
    public override string Description => "Monitor system performance and metrics";

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, MonitoringConfig config, CancellationToken cancellationToken)
    {
        Validate(config);
        var tenantId = context.Execution.TenantId;
        var workflowId = OperationsDatabase.ParseWorkflowId(config.WorkflowId) ?? context.Execution.WorkflowId;
        var current = context.Execution.ExecutionId;
        var to = DateTime.UtcNow;
        var from = to.AddHours(-config.WindowHours);
        var stuckBefore = to.AddMinutes(-config.StuckAfterMinutes);

        var (name, runs, stuck, steps) = await OperationsDatabase.UseAsync(context, async db =>
        {
            var workflowName = await OperationsDatabase.WorkflowNameAsync(db, tenantId, workflowId, cancellationToken);
            var ofWorkflow = OperationsDatabase.Executions(db, tenantId).Where(e => e.WorkflowId == workflowId && e.Id != current);
            var inWindow = ofWorkflow.Where(e => e.TriggeredAt >= from);
            var windowRuns = await inWindow.Select(e => new RunRow(e.Status, e.StartedAt, e.CompletedAt)).ToListAsync(cancellationToken);
            var stuckCount = await ofWorkflow
                .Where(e => (e.Status == ExecutionStatus.Pending || e.Status == ExecutionStatus.Running) && e.TriggeredAt < stuckBefore)
                .CountAsync(cancellationToken);
            var windowSteps = await OperationsDatabase.NodeExecutions(db, tenantId)
                .Where(n => inWindow.Select(e => e.Id).Contains(n.ExecutionId) && n.StartedAt != null && n.CompletedAt != null)
                .Select(n => new StepRow(n.NodeId, n.NodeType, n.StartedAt!.Value, n.CompletedAt!.Value))
                .ToListAsync(cancellationToken);
            return (workflowName, windowRuns, stuckCount, windowSteps);
        });

        var metrics = Measure(runs, stuck, steps);
        var breaches = Check(metrics, config.Thresholds);
        context.Log($"'{name}': {metrics.Runs} runs in {config.WindowHours} h, {breaches.Count} thresholds breached.");
        if (breaches.Count > 0 && config.FailOnBreach)
        {
            throw new NodeFailedException($"'{name}' is unhealthy: {string.Join("; ", breaches.Select(b => b.Message))}.");
        }

        return NodeOutcome.Of(new JsonObject
        {
            ["workflow"] = new JsonObject { ["id"] = workflowId, ["name"] = name },
            ["window"] = new JsonObject { ["hours"] = config.WindowHours, ["from"] = from.ToString("O"), ["to"] = to.ToString("O") },
            ["metrics"] = metrics.ToJson(),
            ["breaches"] = new JsonArray(breaches.Select(b => (JsonNode)new JsonObject
            {
                ["metric"] = b.Metric, ["value"] = b.Value, ["threshold"] = b.Threshold, ["message"] = b.Message,
            }).ToArray()),
            ["healthy"] = breaches.Count == 0,
        });
    }

    private static void Validate(MonitoringConfig config)
    {
        if (!(config.WindowHours > 0 && config.WindowHours <= MaxWindowHours))
        {
            throw new NodeFailedException($"'windowHours' must be more than 0 and at most {MaxWindowHours} (got {config.WindowHours}).");
        }

        if (config.StuckAfterMinutes < 1)
        {
            throw new NodeFailedException($"'stuckAfterMinutes' must be at least 1 (got {config.StuckAfterMinutes}).");
        }

        var t = config.Thresholds;
        if (t.MinSuccessRate is { } rate && !(rate is >= 0 and <= 1))
        {
            throw new NodeFailedException($"'thresholds.minSuccessRate' is a fraction from 0 to 1 (got {rate}); 0.95 means 95%.");
        }

        foreach (var (field, value) in new[] { ("maxP95Ms", t.MaxP95Ms), ("maxFailures", t.MaxFailures), ("minRuns", t.MinRuns), ("maxStuck", t.MaxStuck) })
        {
            if (value < 0)
            {
                throw new NodeFailedException($"'thresholds.{field}' may not be negative (got {value}).");
            }
        }
    }

    private static WorkflowMetrics Measure(List<RunRow> runs, int stuck, List<StepRow> steps)
    {
        int Count(ExecutionStatus status) => runs.Count(r => r.Status == status);

        var durations = runs.Where(r => r.StartedAt is not null && r.CompletedAt is not null)
            .Select(r => DurationStats.Milliseconds(r.StartedAt!.Value, r.CompletedAt!.Value));
        var slowest = steps.GroupBy(s => s.NodeId)
            .Select(g => new NodeTiming(g.Key, g.First().NodeType, DurationStats.Of(g.Select(s => DurationStats.Milliseconds(s.StartedAt, s.CompletedAt)))))
            .OrderByDescending(n => n.Stats.AverageMs)
            .Take(SlowestNodesListed)
            .ToList();
        return new WorkflowMetrics(
            runs.Count, Count(ExecutionStatus.Completed), Count(ExecutionStatus.Failed), Count(ExecutionStatus.Cancelled),
            Count(ExecutionStatus.Interrupted), Count(ExecutionStatus.Pending) + Count(ExecutionStatus.Running), stuck,
            DurationStats.Of(durations), slowest);
    }

    private static List<Breach> Check(WorkflowMetrics m, MonitoringThresholds t)
    {
        var breaches = new List<Breach>();
        void Add(string metric, double value, double threshold, string message) => breaches.Add(new Breach(metric, value, threshold, message));
        static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

        if (t.MinSuccessRate is { } minRate && m.SuccessRate is { } rate && rate < minRate)
        {
            Add("successRate", m.RoundedSuccessRate!.Value, minRate, $"success rate {N(m.RoundedSuccessRate.Value)} is below the minimum {N(minRate)}");
        }

        if (t.MaxP95Ms is { } maxP95 && m.Durations.P95Ms is { } p95 && p95 > maxP95)
        {
            Add("p95DurationMs", p95, maxP95, $"p95 duration {p95} ms is above the maximum {N(maxP95)} ms");
        }

        if (t.MaxFailures is { } maxFailures && m.Failed > maxFailures)
        {
            Add("failed", m.Failed, maxFailures, $"{m.Failed} failed runs, more than the maximum {maxFailures}");
        }

        if (t.MinRuns is { } minRuns && m.Runs < minRuns)
        {
            Add("runs", m.Runs, minRuns, $"{m.Runs} runs, fewer than the minimum {minRuns}");
        }

        if (t.MaxStuck is { } maxStuck && m.Stuck > maxStuck)
        {
            Add("stuck", m.Stuck, maxStuck, $"{m.Stuck} stuck runs, more than the maximum {maxStuck}");
        }

        return breaches;
    }

    private sealed record RunRow(ExecutionStatus Status, DateTime? StartedAt, DateTime? CompletedAt);

    private sealed record StepRow(string NodeId, string NodeType, DateTime StartedAt, DateTime CompletedAt);
}
