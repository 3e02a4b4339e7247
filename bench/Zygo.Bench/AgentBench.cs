using System.Diagnostics;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;
using Zygo.Engine.Graph;

namespace Zygo.Bench;

/// <summary>
/// (e) An AI Agent with three tools against <see cref="InstantModelServer"/>: end-to-end time of the task (three tool
/// calls in three turns, then the answer) and the engine's own time per iteration, that is the run's time minus the
/// time spent in model calls (the OpenAI client, HTTP on loopback and the server), divided by the model turns.
/// </summary>
internal static class AgentBench
{
    public static async Task RunAsync(double seconds, Func<WorkflowGraph, JsonNode?, Task<RunResult>> run)
    {
        await using var model = await InstantModelServer.StartAsync();
        var (nodes, edges) = Graphs.Agent(model.Endpoint);
        var graph = WorkflowGraph.Parse(nodes, edges);
        var input = new JsonObject { ["message"] = "Use all three tools." };

        var totals = new List<double>();
        var outside = new List<double>();
        var modelTimes = new List<double>();
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < end || i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await run(graph, input);
            var total = clock.Elapsed.TotalMilliseconds;
            var agent = result.Nodes.Single(n => n.NodeId == "agent").Output
                ?? throw new InvalidOperationException($"The agent did not complete: {result.Error?.Message}");
            if (result.Status != ExecutionStatus.Completed || agent["toolCalls"]!.GetValue<int>() != 3)
            {
                throw new InvalidOperationException($"The agent did not make its three calls: {agent.ToJsonString()}");
            }

            var steps = agent["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
            var inModel = steps.Where(s => s["type"]!.GetValue<string>() == "model").Sum(s => s["latencyMs"]!.GetValue<double>());
            var turns = agent["iterations"]!.GetValue<int>();
            if (i >= 10)
            {
                // The first runs warm up the JIT, the connection pool and the JavaScript engine.
                totals.Add(total);
                modelTimes.Add(inModel / turns);
                outside.Add((total - inModel) / turns);
            }
        }

        Console.WriteLine($"{"(e) agent, 3 tool calls + answer, instant model on loopback",-58} " +
                          $"p50 {Median(totals),7:N2} ms   p99 {Percentile(totals, 0.99),7:N2} ms   ({totals.Count:N0} runs)");
        Console.WriteLine($"    engine time per iteration outside the model: p50 {Median(outside):N3} ms " +
                          $"(model call incl. client and HTTP: p50 {Median(modelTimes):N3} ms per turn)");
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
