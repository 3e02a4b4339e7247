using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Operations.Monitoring;

/// <summary>The figures of one workflow's runs in a window, as the <c>monitoring</c> node outputs them.</summary>
internal sealed record WorkflowMetrics(
    int Runs, int Completed, int Failed, int Cancelled, int Interrupted, int Unfinished, int Stuck,
    DurationStats Durations, IReadOnlyList<NodeTiming> SlowestNodes)
{
    /// <summary>
    /// Completed ÷ (completed + failed + interrupted). Cancelled runs were stopped on purpose and unfinished ones
    /// have no outcome yet, so neither counts; null when no run has an outcome.
    /// </summary>
    public double? SuccessRate
    {
        get
        {
            var decided = Completed + Failed + Interrupted;
            return decided == 0 ? null : (double)Completed / decided;
        }
    }

    public double? RoundedSuccessRate => SuccessRate is { } rate ? Math.Round(rate, 4) : null;

    public JsonObject ToJson() => new()
    {
        ["runs"] = Runs,
        ["completed"] = Completed,
        ["failed"] = Failed,
        ["cancelled"] = Cancelled,
        ["interrupted"] = Interrupted,
        ["unfinished"] = Unfinished,
        ["stuck"] = Stuck,
        ["successRate"] = RoundedSuccessRate,
        ["averageDurationMs"] = Durations.AverageMs,
        ["p50DurationMs"] = Durations.P50Ms,
        ["p95DurationMs"] = Durations.P95Ms,
        ["maxDurationMs"] = Durations.MaxMs,
        ["slowestNodes"] = new JsonArray(SlowestNodes.Select(n => (JsonNode)new JsonObject
        {
            ["nodeId"] = n.NodeId,
            ["nodeType"] = n.NodeType,
            ["count"] = n.Stats.Count,
            ["averageMs"] = n.Stats.AverageMs,
            ["p95Ms"] = n.Stats.P95Ms,
            ["maxMs"] = n.Stats.MaxMs,
        }).ToArray()),
    };
}
