using System.Text.Json.Serialization;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>Config of <c>delay</c> (the spec gives no schema): how long to wait, or until when.</summary>
public sealed class DelayConfig
{
    /// <summary>How long to wait, in <see cref="Unit"/> (fractions allowed); at most 30 days.</summary>
    public double Duration { get; init; } = 1;

    public DelayUnit Unit { get; init; } = DelayUnit.Seconds;

    /// <summary>
    /// Wait until this time instead (ISO 8601, e.g. <c>2030-01-31T09:00:00Z</c>; UTC when no offset is given); a
    /// time already past does not wait. At most 30 days ahead. Empty: wait <see cref="Duration"/>.
    /// </summary>
    [JsonConverter(typeof(TextValueConverter))]
    public string Until { get; init; } = "";
}

public enum DelayUnit
{
    Seconds,
    Minutes,
    Hours,
    Days,
}
