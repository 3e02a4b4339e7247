namespace Zygo.Engine.Nodes.Operations.Monitoring;

/// <summary>
/// Average, median, 95th percentile and maximum of durations in milliseconds, computed here rather than in SQL
/// because the providers disagree on percentiles. Percentiles are nearest-rank: the smallest sample with at least
/// p% of the samples at or below it, so every figure is a duration that really happened.
/// </summary>
internal sealed record DurationStats(int Count, double? AverageMs, long? P50Ms, long? P95Ms, long? MaxMs)
{
    public static DurationStats Of(IEnumerable<long> durationsMs)
    {
        var sorted = durationsMs.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new DurationStats(0, null, null, null, null);
        }

        return new DurationStats(sorted.Length, Math.Round(sorted.Average(), 1), Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1]);
    }

    private static long Percentile(long[] sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];

    public static long Milliseconds(DateTime startedAt, DateTime completedAt) =>
        (long)Math.Round((completedAt - startedAt).TotalMilliseconds);
}
