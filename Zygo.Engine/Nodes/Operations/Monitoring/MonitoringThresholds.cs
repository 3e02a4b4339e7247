namespace Zygo.Engine.Nodes.Operations.Monitoring;

/// <summary>Health limits of the <c>monitoring</c> node; null means not checked.</summary>
public sealed class MonitoringThresholds
{
    /// <summary>Lowest acceptable success rate, 0 to 1 (completed ÷ completed, failed and interrupted). Not checked without finished runs.</summary>
    public double? MinSuccessRate { get; init; }

    /// <summary>Highest acceptable 95th-percentile run duration, in milliseconds.</summary>
    public double? MaxP95Ms { get; init; }

    /// <summary>Highest acceptable number of failed runs in the window.</summary>
    public int? MaxFailures { get; init; }

    /// <summary>Fewest runs expected in the window: catches a schedule or webhook that stopped firing.</summary>
    public int? MinRuns { get; init; }

    /// <summary>Highest acceptable number of stuck runs (see <c>stuckAfterMinutes</c>).</summary>
    public int? MaxStuck { get; init; }
}
