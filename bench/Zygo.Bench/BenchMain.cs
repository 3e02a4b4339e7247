using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Engine.Execution;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Execution.Service;
using Zygo.Engine.Graph;

namespace Zygo.Bench;

/// <summary>
/// Zygo engine benchmark: (a) a 5-node flow in process with SQLite persistence, (b) the same through the execute
/// endpoint, (c) engine overhead per node without persistence, (d) a 1000-iteration loop, (e) an AI Agent making three
/// tool calls against a model server that answers instantly.
/// Usage: dotnet run -c Release --project bench/Zygo.Bench [-- a b c d e] [--seconds N] [--warmup N]
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var scenarios = args.Where(a => a is "a" or "b" or "c" or "d" or "e").ToHashSet();
        if (scenarios.Count == 0)
        {
            scenarios = ["a", "b", "c", "d", "e"];
        }

        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(5);
        // Long enough for the runtime to recompile the hot paths optimised (tiered compilation): with one second, part
        // of each measurement ran unoptimised first-tier code, as a server that has just started does.
        var warmUp = TimeSpan.FromSeconds(args.SkipWhile(a => a != "--warmup").Skip(1).Select(double.Parse).FirstOrDefault(5));
        var dataPath = Path.Combine(Path.GetTempPath(), "zygo-bench", Guid.NewGuid().ToString("N"));
        await using var app = new BenchApp(dataPath);
        var services = app.Services;
        var executor = services.GetRequiredService<WorkflowExecutor>();
        var runner = services.GetRequiredService<FlowRunner>();
        var (tenant, owner) = await app.DemoTenantAndOwnerAsync();
        var input = new JsonObject { ["items"] = new JsonArray(1, 2, 3, 4, 5) };
        var fiveNode = await app.AddWorkflowAsync(tenant, owner, Graphs.FiveNodeFlow());

        Console.WriteLine($"Zygo benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:u} · SQLite in {dataPath}");
        if (scenarios.Contains("a"))
        {
            var check = await executor.CreateAsync(new ExecutionRequest(tenant, fiveNode, input, TriggerSource.Api, owner), false, default);
            var first = await executor.RunAsync(tenant, check.ExecutionId!.Value, default);
            if (first.Status != ExecutionStatus.Completed)
            {
                throw new InvalidOperationException($"The 5-node flow did not complete: {first.Error?.Message}");
            }

            var fiveNodeGraph = Graph(Graphs.FiveNodeFlow());
            Console.WriteLine(await Measurement.RunAsync("(a0) the same flow without persistence, 8 callers", 8,
                warmUp, TimeSpan.FromSeconds(seconds), () => RunInMemory(fiveNodeGraph, input.DeepClone())));
            Console.WriteLine(await Measurement.RunAsync("(a) 5-node flow in process, SQLite persistence, 8 callers", 8,
                warmUp, TimeSpan.FromSeconds(seconds), async () =>
                {
                    // What the sync execute endpoint does: create the running row, then run the graph it validated.
                    var request = new ExecutionRequest(tenant, fiveNode, input.DeepClone(), TriggerSource.Api, owner);
                    var start = await executor.CreateAsync(request, false, default);
                    await executor.RunAsync(request, start, default);
                }));
        }

        if (scenarios.Contains("b"))
        {
            using var http = new HttpClient { BaseAddress = app.ServerAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.ApiKeyAsync(tenant, owner));
            var body = new JsonObject { ["input"] = input.DeepClone(), ["mode"] = "sync" }.ToJsonString();
            var probe = await http.PostAsync($"/api/v1/workflows/{fiveNode}/execute", new StringContent(body, Encoding.UTF8, "application/json"));
            if (!probe.IsSuccessStatusCode || !(await probe.Content.ReadAsStringAsync()).Contains("\"completed\""))
            {
                throw new InvalidOperationException($"The execute endpoint did not complete the flow: {await probe.Content.ReadAsStringAsync()}");
            }

            Console.WriteLine(await Measurement.RunAsync("(b) same flow via POST /execute (sync, HTTP, API key), 8 callers", 8,
                warmUp, TimeSpan.FromSeconds(seconds), async () =>
                {
                    using var response = await http.PostAsync($"/api/v1/workflows/{fiveNode}/execute",
                        new StringContent(body, Encoding.UTF8, "application/json"));
                    response.EnsureSuccessStatusCode();
                }));
        }

        if (scenarios.Contains("c"))
        {
            const int length = 200;
            var chain = Graph(Graphs.Chain(length));
            var result = await Measurement.RunAsync($"(c) {length}-node chain, no persistence, 1 caller", 1, warmUp,
                TimeSpan.FromSeconds(seconds), () => RunInMemory(chain, null));
            Console.WriteLine(result);
            Console.WriteLine($"    engine overhead per node: {result.P50Ms * 1000 / (length + 1):N1} µs (p50 run / nodes)");
        }

        if (scenarios.Contains("d"))
        {
            var loop = Graph(Graphs.Loop());
            var items = new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) };
            await RunInMemory(loop, items);
            var times = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var clock = Stopwatch.StartNew();
                var run = await RunInMemory(loop, items);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (run.Status != ExecutionStatus.Completed)
                {
                    throw new InvalidOperationException(run.Error?.Message);
                }
            }

            Console.WriteLine($"{"(d) 1000-iteration loop, no persistence",-58} median {times.Order().ElementAt(5),7:N1} ms   max {times.Max(),7:N1} ms   (10 runs)");
        }

        if (scenarios.Contains("e"))
        {
            await AgentBench.RunAsync(seconds, RunInMemory);
        }

        return 0;

        Task<RunResult> RunInMemory(WorkflowGraph graph, JsonNode? runInput) =>
            runner.RunAsync(graph, new RunRequest(new ExecutionInfo(tenant, Guid.NewGuid(), Guid.NewGuid()), runInput,
                new Dictionary<string, string>(), services), default);

        static WorkflowGraph Graph((string Nodes, string Edges) g) => WorkflowGraph.Parse(g.Nodes, g.Edges);
    }
}
