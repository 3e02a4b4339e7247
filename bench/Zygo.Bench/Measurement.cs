using System.Diagnostics;

namespace Zygo.Bench;

/// <summary>
/// Runs an operation from several callers for a while and reports throughput, latency percentiles, and the process's CPU
/// time and allocations per operation: on a shared machine the latter two stay steady when wall-clock numbers do not.
/// </summary>
public static class Measurement
{
    public sealed record Result(string Name, int Operations, double Seconds, double P50Ms, double P99Ms, double CpuMs, long AllocatedBytes, int Gen0, int Gen2)
    {
        public double PerSecond => Operations / Seconds;
        public double CpuMsPerOperation => CpuMs / Operations;
        public double AllocatedKbPerOperation => AllocatedBytes / 1024.0 / Operations;

        public override string ToString() =>
            $"{Name,-58} {PerSecond,10:N0} /s   p50 {P50Ms,7:N2} ms   p99 {P99Ms,7:N2} ms   ({Operations:N0} in {Seconds:N1} s)\n" +
            $"{"",-58} CPU {CpuMsPerOperation,7:N3} ms/op   allocated {AllocatedKbPerOperation,8:N1} KB/op   GCs gen0 {Gen0:N0} gen2 {Gen2:N0}";
    }

    public static async Task<Result> RunAsync(string name, int callers, TimeSpan warmUp, TimeSpan duration, Func<Task> operation)
    {
        await Drive(callers, warmUp, operation, null);
        var latencies = new List<double>[callers];
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var (gen0Before, gen2Before) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        await Drive(callers, duration, operation, latencies);
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, seconds, Percentile(all, 0.50), Percentile(all, 0.99), cpuMs, allocated,
            GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);
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
