namespace Zygo.Engine.Nodes.Operations.Monitoring;

/// <summary>Config of the <c>monitoring</c> node: health figures of one workflow's recent runs, checked against thresholds.</summary>
public sealed class MonitoringConfig
{
    /// <summary>The workflow to watch (of this tenant). Empty: the workflow this node is part of.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>How far back to look, in hours: runs triggered in this window count. More than 0, at most 8784 (a leap year).</summary>
    public double WindowHours { get; init; } = 24;

    /// <summary>A run still pending or running after this many minutes counts as stuck (whenever it was triggered).</summary>
    public int StuckAfterMinutes { get; init; } = 60;

    /// <summary>The limits that make the workflow unhealthy; each one left out is not checked.</summary>
    public MonitoringThresholds Thresholds { get; init; } = new();

    /// <summary>True: a breached threshold fails the node (listing the breaches). False: the output says <c>healthy: false</c>.</summary>
    public bool FailOnBreach { get; init; }
}
