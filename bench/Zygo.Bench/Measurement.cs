using System.Diagnostics;

namespace Zygo.Bench;

/// <summary>Runs an operation from several callers for a while and reports throughput and latency percentiles.</summary>
public static class Measurement
{
    public sealed record Result(string Name, int Operations, double Seconds, double P50Ms, double P99Ms)
    {
        public double PerSecond => Operations / Seconds;

        public override string ToString() =>
            $"{Name,-58} {PerSecond,10:N0} /s   p50 {P50Ms,7:N2} ms   p99 {P99Ms,7:N2} ms   ({Operations:N0} in {Seconds:N1} s)";
    }

    public static async Task<Result> RunAsync(string name, int callers, TimeSpan warmUp, TimeSpan duration, Func<Task> operation)
    {
        await Drive(callers, warmUp, operation, null);
        var latencies = new List<double>[callers];
        var clock = Stopwatch.StartNew();
        await Drive(callers, duration, operation, latencies);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static Task Drive(int callers, TimeSpan duration, Func<Task> operation, List<double>[]? latencies)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                await operation();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            if (latencies is not null)
            {
                latencies[i] = mine;
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
