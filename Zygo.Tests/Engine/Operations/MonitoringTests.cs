using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Operations.Monitoring;

namespace Zygo.Tests.Engine.Operations;

public sealed class MonitoringTests(MonitoringFixture fixture) : IClassFixture<MonitoringFixture>
{
    private readonly OperationsTestDatabase _db = fixture.Database;
    private readonly ExecutionInfo _a = fixture.A;
    private readonly ExecutionInfo _b = fixture.B;
    private readonly Guid _otherWorkflow = fixture.OtherWorkflow;

    private Task<NodeOutcome> RunAsync(JsonObject config) => _db.Harness.RunAsync<MonitoringNodeType>(config, execution: _a);

    [Fact]
    public async Task Measures_the_current_workflows_runs_in_the_window()
    {
        var outcome = await RunAsync(new JsonObject());

        var metrics = outcome.Output!["metrics"]!;
        ((int)metrics["runs"]!).Should().Be(24);
        ((int)metrics["completed"]!).Should().Be(17);
        ((int)metrics["failed"]!).Should().Be(2);
        ((int)metrics["cancelled"]!).Should().Be(1);
        ((int)metrics["interrupted"]!).Should().Be(1);
        ((int)metrics["unfinished"]!).Should().Be(3);
        ((int)metrics["stuck"]!).Should().Be(1, "only the run pending or running for over an hour is stuck; the measuring run is left out");
        ((double)metrics["successRate"]!).Should().Be(0.85, "17 completed of 20 with an outcome; the cancelled run does not count");

        // Durations of the 20 runs with an end: 10, 50, 100, 200 … 1700, 5000 ms.
        ((double)metrics["averageDurationMs"]!).Should().Be(1018.0);
        ((long)metrics["p50DurationMs"]!).Should().Be(800, "the 10th of 20 sorted durations");
        ((long)metrics["p95DurationMs"]!).Should().Be(1700, "the 19th of 20 sorted durations");
        ((long)metrics["maxDurationMs"]!).Should().Be(5000);

        var slowest = metrics["slowestNodes"]!.AsArray();
        slowest.Select(n => (string)n!["nodeId"]!).Should().Equal("n1", "n0");
        ((int)slowest[0]!["count"]!).Should().Be(24);
        ((double)slowest[0]!["averageMs"]!).Should().Be(20);

        outcome.Output["workflow"]!["id"]!.GetValue<Guid>().Should().Be(_a.WorkflowId);
        outcome.Output["workflow"]!["name"]!.GetValue<string>().Should().Be("Tenant A flow");
        outcome.Output["breaches"]!.AsArray().Should().BeEmpty();
        outcome.Output["healthy"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Breached_thresholds_are_listed_and_make_the_workflow_unhealthy()
    {
        var outcome = await RunAsync(new JsonObject
        {
            ["thresholds"] = new JsonObject
            {
                ["minSuccessRate"] = 0.9, ["maxP95Ms"] = 1500, ["maxFailures"] = 2, ["minRuns"] = 30, ["maxStuck"] = 0,
            },
        });

        var breaches = outcome.Output!["breaches"]!.AsArray()
            .Select(b => ((string)b!["metric"]!, (double)b["value"]!, (double)b["threshold"]!, (string)b["message"]!)).ToList();
        breaches.Should().Equal(
            ("successRate", 0.85, 0.9, "success rate 0.85 is below the minimum 0.9"),
            ("p95DurationMs", 1700, 1500, "p95 duration 1700 ms is above the maximum 1500 ms"),
            ("runs", 24, 30, "24 runs, fewer than the minimum 30"),
            ("stuck", 1, 0, "1 stuck runs, more than the maximum 0"));
        outcome.Output["healthy"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Thresholds_that_hold_leave_the_workflow_healthy()
    {
        var outcome = await RunAsync(new JsonObject
        {
            ["thresholds"] = new JsonObject
            {
                ["minSuccessRate"] = 0.85, ["maxP95Ms"] = 1700, ["maxFailures"] = 2, ["minRuns"] = 24, ["maxStuck"] = 1,
            },
        });

        outcome.Output!["breaches"]!.AsArray().Should().BeEmpty();
        outcome.Output["healthy"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task With_failOnBreach_a_breach_fails_the_node_naming_it()
    {
        var act = () => RunAsync(new JsonObject
        {
            ["thresholds"] = new JsonObject { ["maxFailures"] = 1 },
            ["failOnBreach"] = true,
        });

        var failure = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        failure.Message.Should().Be("'Tenant A flow' is unhealthy: 2 failed runs, more than the maximum 1.");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task WindowHours_widens_the_window()
    {
        var outcome = await RunAsync(new JsonObject { ["windowHours"] = 48 });

        ((int)outcome.Output!["metrics"]!["runs"]!).Should().Be(25);
        ((long)outcome.Output["metrics"]!["maxDurationMs"]!).Should().Be(90_000);
    }

    [Fact]
    public async Task Another_workflow_of_the_tenant_can_be_watched_by_id()
    {
        var outcome = await RunAsync(new JsonObject { ["workflowId"] = _otherWorkflow.ToString() });

        outcome.Output!["workflow"]!["name"]!.GetValue<string>().Should().Be("Other flow");
        ((int)outcome.Output["metrics"]!["runs"]!).Should().Be(1);
        ((int)outcome.Output["metrics"]!["failed"]!).Should().Be(1);
        ((double)outcome.Output["metrics"]!["successRate"]!).Should().Be(0);
    }

    [Fact]
    public async Task Another_tenants_workflow_cannot_be_watched()
    {
        var act = () => RunAsync(new JsonObject { ["workflowId"] = _b.WorkflowId.ToString() });

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should()
            .Be($"There is no workflow {_b.WorkflowId} in this tenant.");
    }

    [Fact]
    public async Task A_window_without_runs_has_no_rates_or_durations_and_only_minRuns_can_breach()
    {
        var quiet = await _db.AddWorkflowAsync(_a.TenantId, "Quiet flow");

        var outcome = await RunAsync(new JsonObject
        {
            ["workflowId"] = quiet.ToString(),
            ["thresholds"] = new JsonObject { ["minSuccessRate"] = 0.99, ["maxP95Ms"] = 1, ["minRuns"] = 1 },
        });

        var metrics = outcome.Output!["metrics"]!;
        ((int)metrics["runs"]!).Should().Be(0);
        metrics["successRate"].Should().BeNull();
        metrics["p95DurationMs"].Should().BeNull();
        metrics["averageDurationMs"].Should().BeNull();
        outcome.Output["breaches"]!.AsArray().Select(b => (string)b!["metric"]!).Should().Equal("runs");
    }

    [Theory]
    [InlineData("""{ "windowHours": 0 }""", "'windowHours' must be more than 0 and at most 8784 (got 0).")]
    [InlineData("""{ "windowHours": 9000 }""", "'windowHours' must be more than 0 and at most 8784 (got 9000).")]
    [InlineData("""{ "stuckAfterMinutes": 0 }""", "'stuckAfterMinutes' must be at least 1 (got 0).")]
    [InlineData("""{ "thresholds": { "minSuccessRate": 95 } }""", "'thresholds.minSuccessRate' is a fraction from 0 to 1 (got 95); 0.95 means 95%.")]
    [InlineData("""{ "thresholds": { "maxP95Ms": -1 } }""", "'thresholds.maxP95Ms' may not be negative (got -1).")]
    [InlineData("""{ "thresholds": { "maxFailures": -2 } }""", "'thresholds.maxFailures' may not be negative (got -2).")]
    [InlineData("""{ "workflowId": "last week's" }""", "'workflowId' is not a workflow id: 'last week's'.")]
    public async Task Bad_settings_fail_with_a_clear_message(string config, string message)
    {
        var act = () => RunAsync(JsonNode.Parse(config)!.AsObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Be(message);
    }
}
