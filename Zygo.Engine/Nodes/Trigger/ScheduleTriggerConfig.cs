namespace Zygo.Engine.Nodes.Trigger;

/// <summary>When a scheduled workflow runs.</summary>
public sealed record ScheduleTriggerConfig
{
    public ScheduleType Type { get; init; } = ScheduleType.Interval;

    /// <summary>For <c>interval</c>: how many <c>intervalUnit</c>s between runs.</summary>
    public int IntervalValue { get; init; } = 1;

    public IntervalUnit IntervalUnit { get; init; } = IntervalUnit.Hours;

    /// <summary>For <c>cron</c>: a Quartz cron expression (seconds first), e.g. <c>0 0 8 * * ?</c> for 08:00 every day.</summary>
    public string CronExpression { get; init; } = "";

    /// <summary>For <c>once</c>: the date and time of the run (ISO 8601).</summary>
    public string OnceDate { get; init; } = "";
}

public enum ScheduleType
{
    Interval,
    Cron,
    Once,
}

public enum IntervalUnit
{
    Seconds,
    Minutes,
    Hours,
    Days,
}
