using System.Globalization;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>
/// Waits, without holding a thread, then passes its input on. An object input comes out as itself plus
/// <c>waitedMs</c>; any other input as <c>{ "data": input, "waitedMs": n }</c>.
/// </summary>
public sealed class DelayNodeType(TimeProvider timeProvider) : NodeType<DelayConfig>
{
    /// <summary>Longer waits belong to a schedule trigger, not to a run held open for weeks.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);

    public override string Id => "delay";
    public override string Label => "Delay";
    public override NodeCategory Category => NodeCategory.FlowControl;
    public override string Icon => "Clock";
    public override string Color => FlowControl.Color;
    public override string Description => "Wait for specified duration";

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, DelayConfig config, CancellationToken cancellationToken)
    {
        var wait = WaitFor(context, config);
        context.Log($"Waiting {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.");

        var started = timeProvider.GetTimestamp();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        var waitedMs = (long)Math.Round(timeProvider.GetElapsedTime(started).TotalMilliseconds);
        var output = context.Input is JsonObject obj ? (JsonObject)obj.DeepClone() : new JsonObject { ["data"] = context.Input?.DeepClone() };
        output["waitedMs"] = waitedMs;
        return NodeOutcome.Of(output);
    }

    private TimeSpan WaitFor(NodeContext context, DelayConfig config)
    {
        var name = context.Node.DisplayName;
        if (!string.IsNullOrWhiteSpace(config.Until))
        {
            if (!DateTimeOffset.TryParse(config.Until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until))
            {
                throw new NodeFailedException($"The 'until' of '{name}', '{config.Until}', is not a date and time: write ISO 8601, e.g. 2030-01-31T09:00:00Z.");
            }

            var remaining = until - timeProvider.GetUtcNow();
            if (remaining > MaxWait)
            {
                throw new NodeFailedException($"The 'until' of '{name}', {config.Until}, is more than 30 days ahead: a delay waits at most 30 days.");
            }

            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }

        // Written but resolved to nothing: waiting 'duration' instead would hide the missing value.
        if (TemplateResolver.HasReferences(TemplateResolver.AsText(context.Node.Config["until"])))
        {
            throw new NodeFailedException(
                $"The 'until' of '{name}', {TemplateResolver.AsText(context.Node.Config["until"])}, resolved to nothing: check that the value it names exists.");
        }

        var milliseconds = config.Duration * UnitMilliseconds(config.Unit);
        if (config.Duration < 0 || milliseconds > MaxWait.TotalMilliseconds)
        {
            throw new NodeFailedException(
                $"The duration of '{name}' is {config.Duration.ToString(CultureInfo.InvariantCulture)} {config.Unit.ToString().ToLowerInvariant()}: it must be between 0 and 30 days.");
        }

        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private static double UnitMilliseconds(DelayUnit unit) => unit switch
    {
        DelayUnit.Seconds => 1_000,
        DelayUnit.Minutes => 60_000,
        DelayUnit.Hours => 3_600_000,
        DelayUnit.Days => 86_400_000,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown delay unit."),
    };
}
