using System.Diagnostics;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Engine.Runner.RunnerHarness;

namespace Zygo.Tests.Engine.Runner;

[Collection(TimingCollection.Name)]
public sealed class FlowRunnerTests
{
    private readonly RunnerHarness _harness = new();

    [Fact]
    public async Task Runs_a_chain_in_order_and_the_last_node_is_the_output()
    {
        var graph = Graph([Node("start", "trigger"), Node("a", "test_emit", new() { ["value"] = new JsonObject { ["x"] = 2 } }),
                Node("b", "test_emit", new() { ["value"] = "got {{nodes.a.output.x}} from {{input.who}}" })],
            Edge("start", "a"), Edge("a", "b"));

        var result = await _harness.RunAsync(graph, new JsonObject { ["who"] = "Ada" });

        result.Status.Should().Be(ExecutionStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("got 2 from Ada");
        result.Nodes.Select(n => n.NodeId).Should().Equal("start", "a", "b");
        result.Nodes.Should().OnlyContain(n => n.Status == NodeExecutionStatus.Completed && n.Attempts == 1);
        result.Nodes[1].Input!["who"]!.GetValue<string>().Should().Be("Ada", "a node's input is the output before it");
    }

    [Fact]
    public async Task Parallel_branches_run_at_once_and_a_join_gets_both_keyed_by_label()
    {
        var graph = Graph([Node("start", "trigger"),
                Node("left", "test_emit", new() { ["value"] = "L", ["delayMs"] = 1000 }),
                Node("right", "test_emit", new() { ["value"] = "R", ["delayMs"] = 1000 }),
                Node("join", "test_emit")],
            Edge("start", "left"), Edge("start", "right"), Edge("left", "join"), Edge("right", "join"));

        var clock = Stopwatch.StartNew();
        var result = await _harness.RunAsync(graph);

        clock.ElapsedMilliseconds.Should().BeLessThan(1800, "the two 1 s branches overlap (one after the other would take 2 s)");
        result.Output!.ToJsonString().Should().Be("""{"left":"L","right":"R"}""");
        result.Nodes.Last().NodeId.Should().Be("join");
    }

    [Fact]
    public async Task A_branch_fires_only_its_handle_the_other_side_is_skipped_and_a_join_still_runs()
    {
        var graph = Graph([Node("start", "trigger"), Node("if", "test_branch", new() { ["handle"] = "true" }),
                Node("yes", "test_emit", new() { ["value"] = "yes" }), Node("no", "test_emit", new() { ["value"] = "no" }),
                Node("after-no", "test_emit"), Node("join", "test_emit")],
            Edge("start", "if"), Edge("if", "yes", "true"), Edge("if", "no", "false"), Edge("no", "after-no"),
            Edge("yes", "join"), Edge("after-no", "join"));

        var result = await _harness.RunAsync(graph);

        result.Status.Should().Be(ExecutionStatus.Completed);
        Status(result, "yes").Should().Be(NodeExecutionStatus.Completed);
        Status(result, "no").Should().Be(NodeExecutionStatus.Skipped);
        Status(result, "after-no").Should().Be(NodeExecutionStatus.Skipped);
        Status(result, "join").Should().Be(NodeExecutionStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("yes");
    }

    [Fact]
    public async Task A_parallel_loop_runs_its_body_per_item_and_keeps_the_item_order()
    {
        var graph = Graph([Node("start", "trigger"),
                Node("each", "loop", new() { ["dataSource"] = "{{input.numbers}}", ["parallelExecution"] = true, ["maxParallel"] = 3 }),
                Node("twice", "test_twice"), Node("after", "test_emit")],
            Edge("start", "each"), Edge("each", "twice", "body"), Edge("each", "after", "done"));

        var clock = Stopwatch.StartNew();
        var result = await _harness.RunAsync(graph, new JsonObject { ["numbers"] = new JsonArray(1, 2, 3, 4, 5, 6) });

        result.Status.Should().Be(ExecutionStatus.Completed, result.Error?.Message);
        result.Output!["results"]!.ToJsonString().Should().Be("[2,4,6,8,10,12]");
        result.Output!["iterations"]!.GetValue<int>().Should().Be(6);
        var iterations = result.Nodes.Where(n => n.NodeId == "twice").ToList();
        iterations.Should().HaveCount(6);
        iterations.Select(n => n.Path).Should().BeEquivalentTo(Enumerable.Range(0, 6).Select(i => $"each[{i}]"));
        clock.ElapsedMilliseconds.Should().BeLessThan(1500, "three 300 ms iterations run at a time: 600 ms, not 1800 ms");
        result.Nodes.Last().NodeId.Should().Be("after");
    }

    [Fact]
    public async Task A_sequential_loop_stops_on_its_break_condition()
    {
        var graph = Graph([Node("start", "trigger"),
                Node("each", "loop", new() { ["dataSource"] = "{{input.numbers}}", ["breakCondition"] = "{{vars.item.stop}}" }),
                Node("body", "test_emit")],
            Edge("start", "each"), Edge("each", "body", "body"));
        var items = new JsonArray(new JsonObject { ["n"] = 1 }, new JsonObject { ["n"] = 2, ["stop"] = true }, new JsonObject { ["n"] = 3 });

        var result = await _harness.RunAsync(graph, new JsonObject { ["numbers"] = items });

        result.Status.Should().Be(ExecutionStatus.Completed, result.Error?.Message);
        result.Output!["iterations"]!.GetValue<int>().Should().Be(2);
        result.Output!["stoppedEarly"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task A_failing_node_fails_the_run_names_the_node_and_cancels_the_other_branch()
    {
        var graph = Graph([Node("start", "trigger"), Node("bad", "test_fail", new() { ["message"] = "upstream said no" }),
                Node("slow", "test_emit", new() { ["delayMs"] = 10_000 }), Node("after", "test_emit")],
            Edge("start", "bad"), Edge("start", "slow"), Edge("bad", "after"));

        var clock = Stopwatch.StartNew();
        var result = await _harness.RunAsync(graph);

        clock.ElapsedMilliseconds.Should().BeLessThan(2000);
        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error!.NodeId.Should().Be("bad");
        result.Error.Message.Should().Contain("bad").And.Contain("upstream said no");
        Status(result, "slow").Should().Be(NodeExecutionStatus.Cancelled);
        result.Nodes.Should().NotContain(n => n.NodeId == "after");
    }

    [Fact]
    public async Task ErrorHandling_continue_records_the_failure_and_passes_the_error_on()
    {
        var graph = Graph([Node("start", "trigger"), Node("bad", "test_fail", new() { ["errorHandling"] = "continue" }),
                Node("after", "test_emit")],
            Edge("start", "bad"), Edge("bad", "after"));

        var result = await _harness.RunAsync(graph);

        result.Status.Should().Be(ExecutionStatus.Completed);
        Status(result, "bad").Should().Be(NodeExecutionStatus.Failed);
        result.Output!["error"]!["message"]!.GetValue<string>().Should().Be("boom");
    }

    [Fact]
    public async Task Retryable_failures_are_retried_with_backoff_until_they_succeed()
    {
        var graph = Graph([Node("start", "trigger"),
                Node("flaky", "test_fail", new() { ["retryable"] = true, ["succeedOnAttempt"] = 3, ["errorHandling"] = "retry" })],
            Edge("start", "flaky"));

        var result = await _harness.RunAsync(graph);

        result.Status.Should().Be(ExecutionStatus.Completed);
        result.Nodes.Single(n => n.NodeId == "flaky").Attempts.Should().Be(3);
    }

    [Fact]
    public async Task Non_retryable_failures_are_not_retried()
    {
        var graph = Graph([Node("start", "trigger"), Node("bad", "test_fail", new() { ["retries"] = 3 })], Edge("start", "bad"));

        var result = await _harness.RunAsync(graph);

        result.Nodes.Single(n => n.NodeId == "bad").Attempts.Should().Be(1);
    }

    [Fact]
    public async Task A_node_past_its_timeout_fails_with_the_timeout_in_the_message()
    {
        var graph = Graph([Node("start", "trigger"), Node("slow", "test_emit", new() { ["delayMs"] = 5000, ["timeout"] = 0.3 })],
            Edge("start", "slow"));

        var clock = Stopwatch.StartNew();
        var result = await _harness.RunAsync(graph);

        clock.ElapsedMilliseconds.Should().BeLessThan(1500);
        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error!.Message.Should().Contain("Timed out after 0.3 s");
    }

    [Fact]
    public async Task Cancelling_the_run_stops_a_running_node_within_a_second()
    {
        var graph = Graph([Node("start", "trigger"), Node("slow", "test_emit", new() { ["delayMs"] = 30_000 })], Edge("start", "slow"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var clock = Stopwatch.StartNew();
        var result = await _harness.RunAsync(graph, ct: cts.Token);

        clock.ElapsedMilliseconds.Should().BeLessThan(1200);
        result.Status.Should().Be(ExecutionStatus.Cancelled);
        Status(result, "slow").Should().Be(NodeExecutionStatus.Cancelled);
    }

    [Fact]
    public async Task An_unknown_node_type_fails_with_its_name()
    {
        var graph = Graph([Node("start", "trigger"), Node("mystery", "teleport")], Edge("start", "mystery"));

        var result = await _harness.RunAsync(graph);

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error!.Message.Should().Contain("teleport");
    }

    [Fact]
    public async Task Every_step_is_published_as_an_event_in_order()
    {
        var graph = Graph([Node("start", "trigger"), Node("a", "test_emit")], Edge("start", "a"));
        using var subscription = _harness.Events.Subscribe(_ => true);

        await _harness.RunAsync(graph);

        var kinds = new List<ExecutionEventKind>();
        while (subscription.Reader.TryRead(out var e))
        {
            kinds.Add(e.Kind);
        }

        kinds.Should().Equal(ExecutionEventKind.ExecutionStarted, ExecutionEventKind.NodeStarted, ExecutionEventKind.NodeCompleted,
            ExecutionEventKind.NodeStarted, ExecutionEventKind.NodeCompleted, ExecutionEventKind.ExecutionFinished);
    }

    private static NodeExecutionStatus Status(Zygo.Engine.Execution.RunResult result, string nodeId) =>
        result.Nodes.Single(n => n.NodeId == nodeId).Status;
}
