using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>Running workflows through the API: sync, async, stream, failures, validation, cancel, retry, tenancy.</summary>
[Collection(TimingCollection.Name)]
public sealed class ExecutionApiTests(ExecutionApiTests.Fixture fixture) : IClassFixture<ExecutionApiTests.Fixture>
{
    private readonly HttpClient _developer = fixture.Developer;
    private readonly HttpClient _stranger = fixture.Stranger;

    public sealed class Fixture() : AppFixture(useKestrel: true)
    {
        public HttpClient Developer { get; private set; } = null!;
        public HttpClient Stranger { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            var tenant = await App.CreateTenantAsync("Runs");
            Developer = Keep(await App.KestrelClientForRoleAsync(tenant, TenantRole.Developer));
            Stranger = Keep(await App.KestrelClientForRoleAsync(await App.CreateTenantAsync("Elsewhere"), TenantRole.Owner));
        }
    }

    [Fact]
    public async Task Parallel_branches_a_join_a_conditional_and_a_parallel_loop_give_the_right_output_and_records()
    {
        var id = await CreateAsync(
            [
                Node("trigger", "trigger", new JsonObject { ["triggerMode"] = "manual" }),
                Code("Double", "return { items: input.items.map(x => x * 2) };"),
                Code("Sum", "return { total: input.items.reduce((a, b) => a + b, 0) };"),
                Code("Count", "return { count: input.items.length };"),
                Node("Big", "conditional", new JsonObject
                {
                    ["evaluationMode"] = "all",
                    ["conditions"] = new JsonArray(new JsonObject
                        { ["id"] = "c1", ["variable"] = "nodes.Sum.output.total", ["operator"] = "greater_than", ["value"] = "10" }),
                }),
                Node("Each", "loop", new JsonObject
                {
                    ["loopType"] = "for_each", ["dataSource"] = "{{nodes.Double.output.items}}", ["parallelExecution"] = true, ["maxParallel"] = 2,
                }),
                Code("Square", "return input * input;"),
                Code("Report", "return { squares: input.results };"),
                Code("Small", "return { small: true };"),
            ],
            [
                Edge("trigger", "Double"), Edge("Double", "Sum"), Edge("Double", "Count"), Edge("Sum", "Big"), Edge("Count", "Big"),
                Edge("Big", "Each", "true"), Edge("Big", "Small", "false"), Edge("Each", "Square", "body"), Edge("Each", "Report", "done"),
            ]);

        var run = await ExecuteAsync(id, new JsonObject { ["items"] = new JsonArray(1, 2, 3) });

        run.GetProperty("status").GetString().Should().Be("completed", run.ToString());
        run.GetProperty("output").GetProperty("squares").GetRawText().Should().Be("[4,16,36]");
        var steps = run.GetProperty("nodeExecutions").EnumerateArray()
            .Select(n => (Id: n.GetProperty("nodeId").GetString()!, Status: n.GetProperty("status").GetString()!,
                Path: n.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null))
            .ToList();
        steps.Take(2).Select(s => s.Id).Should().Equal("trigger", "Double");
        steps.Skip(2).Take(2).Select(s => s.Id).Should().BeEquivalentTo(["Sum", "Count"], "the two branches run side by side");
        steps.Where(s => s.Id == "Square").Select(s => s.Path).Should().BeEquivalentTo(["Each[0]", "Each[1]", "Each[2]"]);
        steps.Single(s => s.Id == "Small").Status.Should().Be("skipped");
        steps.Last(s => s.Status == "completed").Id.Should().Be("Report");
        steps.IndexOf(steps.Single(s => s.Id == "Big")).Should().BeLessThan(steps.IndexOf(steps.Single(s => s.Id == "Each")));
        steps.Where(s => s.Id != "Small").Should().OnlyContain(s => s.Status == "completed");
    }

    [Fact]
    public async Task A_failing_node_gives_200_with_status_failed_and_the_node_in_the_error()
    {
        var id = await CreateAsync([Trigger(), Code("Broken", "throw new Error('no invoices today');")], [Edge("trigger", "Broken")]);

        var run = await ExecuteAsync(id, null);

        run.GetProperty("status").GetString().Should().Be("failed");
        run.GetProperty("error").GetProperty("nodeId").GetString().Should().Be("Broken");
        run.GetProperty("error").GetProperty("message").GetString().Should().Contain("no invoices today");
    }

    [Fact]
    public async Task An_invalid_workflow_is_422_listing_each_problem_with_its_node()
    {
        var id = await CreateAsync([Trigger(), Node("x", "teleport"), Code("Loop1", "return 1;"), Code("Loop2", "return 2;")],
            [Edge("trigger", "x"), Edge("Loop1", "Loop2"), Edge("Loop2", "Loop1")]);

        var response = await _developer.PostAsync($"{Workflows}/{id}/execute", Json(new { input = new { } }));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "teleport", "cycle");
        var problems = problem.Body.GetProperty("problems").EnumerateArray().ToList();
        problems.Should().Contain(p => p.GetProperty("nodeId").GetString() == "x" && p.GetProperty("code").GetString() == "unknown_type");
        problems.Should().Contain(p => p.GetProperty("code").GetString() == "cycle");
    }

    [Fact]
    public async Task A_variable_named_by_a_nodes_default_is_loaded_for_the_run()
    {
        // The Data Source node's connection string defaults to {{DB_CONNECTION}}; the node leaves it out.
        await _developer.CreateVariableAsync("DB_CONNECTION", "Data Source=:memory:");
        var id = await CreateAsync([Trigger(), Node("Answer", "data", new JsonObject { ["sql"] = "SELECT 6 * 7", ["operation"] = "scalar" })],
            [Edge("trigger", "Answer")]);

        var run = await ExecuteAsync(id, null);

        run.GetProperty("status").GetString().Should().Be("completed", run.ToString());
        run.GetProperty("output").GetProperty("value").GetInt32().Should().Be(42);
    }

    [Fact]
    public async Task Async_mode_answers_202_at_once_and_the_queued_run_completes()
    {
        var id = await CreateAsync([Trigger(), Code("Echo", "return { seen: input.x };")], [Edge("trigger", "Echo")]);

        var response = await _developer.PostAsync($"{Workflows}/{id}/execute", Json(new { input = new { x = 42 }, mode = "async" }));

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Contain($"/executions/{body.GetProperty("id").GetString()}");
        var run = await WaitForEndAsync(response.Headers.Location!.ToString());
        run.GetProperty("status").GetString().Should().Be("completed");
        run.GetProperty("output").GetProperty("seen").GetInt32().Should().Be(42);
        run.GetProperty("nodeExecutions").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Cancel_stops_a_running_delay_within_a_second()
    {
        var id = await CreateAsync([Trigger(), Node("Wait", "delay", new JsonObject { ["duration"] = 60, ["unit"] = "seconds" })],
            [Edge("trigger", "Wait")]);
        var queued = await _developer.PostAsync($"{Workflows}/{id}/execute", Json(new { mode = "async" }));
        var location = queued.Headers.Location!.ToString();
        await WaitForStatusAsync(location, "running");

        var clock = Stopwatch.StartNew();
        var cancel = await _developer.PostAsync($"{location}/cancel", null);
        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await WaitForEndAsync(location);

        clock.ElapsedMilliseconds.Should().BeLessThan(1500);
        run.GetProperty("status").GetString().Should().Be("cancelled");
        (await _developer.PostAsync($"{location}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_long_run_shows_its_ended_steps_in_the_records_while_it_still_runs()
    {
        var id = await CreateAsync([Trigger(), Code("Quick", "return { ok: true };"),
                Node("Wait", "delay", new JsonObject { ["duration"] = 4, ["unit"] = "seconds" })],
            [Edge("trigger", "Quick"), Edge("Quick", "Wait")]);
        var queued = await _developer.PostAsync($"{Workflows}/{id}/execute", Json(new { mode = "async" }));
        var location = queued.Headers.Location!.ToString();

        var deadline = DateTime.UtcNow.AddSeconds(3.5);
        JsonElement run;
        do
        {
            await Task.Delay(100);
            run = await (await _developer.GetAsync(location)).ShouldBeJsonAsync(HttpStatusCode.OK);
        }
        while (run.GetProperty("nodeExecutions").GetArrayLength() < 2 && DateTime.UtcNow < deadline);

        run.GetProperty("status").GetString().Should().Be("running");
        run.GetProperty("nodeExecutions").EnumerateArray().Select(n => n.GetProperty("nodeId").GetString())
            .Should().Equal("trigger", "Quick");
        var done = await WaitForEndAsync(location);
        done.GetProperty("nodeExecutions").EnumerateArray().Select(n => n.GetProperty("nodeId").GetString())
            .Should().Equal("trigger", "Quick", "Wait");
    }

    [Fact]
    public async Task Runs_are_listed_read_back_and_retried_with_the_same_input()
    {
        var id = await CreateAsync([Trigger(), Code("Echo", "return { seen: input.x };")], [Edge("trigger", "Echo")]);
        var first = await ExecuteAsync(id, new JsonObject { ["x"] = "first" });
        var firstId = first.GetProperty("id").GetString();

        var detail = await (await _developer.GetAsync($"{Workflows}/{id}/executions/{firstId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        detail.GetProperty("output").GetProperty("seen").GetString().Should().Be("first");
        detail.GetProperty("nodeExecutions").EnumerateArray().Select(n => n.GetProperty("attempts").GetInt32()).Should().OnlyContain(a => a == 1);

        var retry = await _developer.PostAsync($"{Workflows}/{id}/executions/{firstId}/retry", null);
        retry.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var second = await WaitForEndAsync(retry.Headers.Location!.ToString());
        second.GetProperty("output").GetProperty("seen").GetString().Should().Be("first");

        var list = await (await _developer.GetAsync($"{Workflows}/{id}/executions?status=completed")).ShouldBeJsonAsync(HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Stream_mode_sends_each_step_as_a_server_sent_event()
    {
        var id = await CreateAsync([Trigger(), Code("Echo", "return 1;")], [Edge("trigger", "Echo")]);

        var response = await _developer.PostAsync($"{Workflows}/{id}/execute", Json(new { mode = "stream" }));

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = (await response.Content.ReadAsStringAsync()).Split('\n').Where(l => l.StartsWith("event: ")).Select(l => l[7..]).ToList();
        events.Should().Equal("executionStarted", "nodeStarted", "nodeCompleted", "nodeStarted", "nodeCompleted", "executionFinished");
    }

    [Fact]
    public async Task Another_tenant_cannot_run_or_read_the_runs_of_a_workflow()
    {
        var id = await CreateAsync([Trigger(), Code("Echo", "return 1;")], [Edge("trigger", "Echo")]);
        var run = await ExecuteAsync(id, null);
        var runId = run.GetProperty("id").GetString();

        (await _stranger.PostAsync($"{Workflows}/{id}/execute", Json(new { }))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _stranger.GetAsync($"{Workflows}/{id}/executions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _stranger.GetAsync($"{Workflows}/{id}/executions/{runId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _stranger.PostAsync($"{Workflows}/{id}/executions/{runId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _stranger.PostAsync($"{Workflows}/{id}/executions/{runId}/retry", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<string> CreateAsync(JsonObject[] nodes, JsonObject[] edges)
    {
        var response = await _developer.PostAsync(Workflows, RawJson(new JsonObject
        {
            ["name"] = "Run " + UniqueSuffix(),
            ["nodes"] = new JsonArray(nodes.Select(n => (JsonNode?)n).ToArray()),
            ["edges"] = new JsonArray(edges.Select(e => (JsonNode?)e).ToArray()),
        }.ToJsonString()));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> ExecuteAsync(string workflowId, JsonNode? input)
    {
        var response = await _developer.PostAsync($"{Workflows}/{workflowId}/execute",
            RawJson(new JsonObject { ["input"] = input, ["mode"] = "sync" }.ToJsonString()));
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    private Task<JsonElement> WaitForEndAsync(string location) =>
        WaitForAsync(location, s => s is "completed" or "failed" or "cancelled" or "interrupted");

    private Task<JsonElement> WaitForStatusAsync(string location, string status) => WaitForAsync(location, s => s == status);

    private async Task<JsonElement> WaitForAsync(string location, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var run = await (await _developer.GetAsync(location)).ShouldBeJsonAsync(HttpStatusCode.OK);
            if (done(run.GetProperty("status").GetString()!) || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(50);
        }
    }

    private static JsonObject Trigger() => Node("trigger", "trigger", new JsonObject { ["triggerMode"] = "manual" });

    private static JsonObject Code(string id, string code) =>
        Node(id, "code", new JsonObject { ["language"] = "javascript", ["code"] = code, ["timeout"] = 5 });

    private static JsonObject Node(string id, string type, JsonObject? config = null) =>
        new() { ["id"] = id, ["type"] = type, ["label"] = id, ["config"] = config ?? new JsonObject() };

    private static JsonObject Edge(string source, string target, string? handle = null) =>
        new() { ["id"] = $"{source}-{target}", ["source"] = source, ["target"] = target, ["sourceHandle"] = handle };
}
