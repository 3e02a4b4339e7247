using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Service;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Components.Editor.Run;

namespace Zygo.Tests.Editor.Run;

/// <summary>
/// The editor's live run against the real executor and event bus: the events in batches with the record last, the
/// run's end handed over without waiting out the batch interval, and an editor leaving a run that goes on.
/// </summary>
public sealed class RunSessionTests : AppTest
{
    private readonly ConcurrentQueue<(IReadOnlyList<ExecutionEvent> Events, ExecutionView? Record)> _batches = new();
    private Guid _tenant;
    private Guid _user;

    public override async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync("Run sessions");
        _user = await App.CreateUserAsync(_tenant, TenantRole.Developer);
    }

    private WorkflowExecutor Executor => App.Services.GetRequiredService<WorkflowExecutor>();

    [Fact]
    public async Task Every_node_event_arrives_in_order_and_the_last_batch_has_the_record()
    {
        var (session, _) = await StartAsync(await AddWorkflowAsync(Delay("wait", 0.2), Code("after")), RunSession.FlushInterval);

        await session.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        var batches = _batches.ToArray();
        batches.Should().HaveCountGreaterThan(1, "the first events go at once and the rest after the delay");
        batches[..^1].Should().OnlyContain(b => b.Record == null);
        batches[^1].Record!.Status.Should().Be(ExecutionStatus.Completed);
        batches.SelectMany(b => b.Events).Where(e => e.Kind is ExecutionEventKind.NodeStarted or ExecutionEventKind.NodeCompleted)
            .Select(e => $"{e.NodeId} {e.Kind}")
            .Should().Equal("trigger NodeStarted", "trigger NodeCompleted", "wait NodeStarted", "wait NodeCompleted", "after NodeStarted", "after NodeCompleted");
        await session.DisposeAsync();
    }

    [Fact]
    public async Task The_run_s_end_is_handed_over_at_once_not_after_the_batch_interval()
    {
        // A batch interval far longer than the run: the first events open an interval the run ends in.
        var (session, clock) = await StartAsync(await AddWorkflowAsync(Delay("wait", 0.3)), TimeSpan.FromSeconds(30));

        await session.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        _batches.Last().Record!.Status.Should().Be(ExecutionStatus.Completed);
        await session.DisposeAsync();
    }

    [Fact]
    public async Task An_editor_leaving_a_run_that_goes_on_is_let_go_at_once_and_the_run_still_ends_recorded()
    {
        var workflow = await AddWorkflowAsync(Delay("wait", 60));
        var (session, _) = await StartAsync(workflow, RunSession.FlushInterval);
        await WaitForAsync(() => _batches.SelectMany(b => b.Events).Any(e => e is { Kind: ExecutionEventKind.NodeStarted, NodeId: "wait" }));

        var leaving = Stopwatch.StartNew();
        await session.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        leaving.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "leaving does not wait for the run's 60 s delay");
        session.Completion.IsCompleted.Should().BeTrue("nothing reads the run's events for the editor any more");
        _batches.Should().OnlyContain(b => b.Record == null);
        (await Executor.CancelAsync(_tenant, session.ExecutionId, CancellationToken.None)).Should().BeTrue("the run went on without the editor");
        await WaitForAsync(async () => await RecordedStatusAsync(session.ExecutionId) == ExecutionStatus.Cancelled);
    }

    private async Task<(RunSession Session, Stopwatch Clock)> StartAsync(Guid workflow, TimeSpan flushInterval)
    {
        var request = new ExecutionRequest(_tenant, workflow, null, TriggerSource.User, _user);
        var start = await Executor.CreateAsync(request, queued: false, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var session = new RunSession(App.Services.GetRequiredService<ExecutionEventBus>(), Executor, request, start, (events, record) =>
        {
            _batches.Enqueue((events, record));
            return Task.CompletedTask;
        }, flushInterval);
        return (session, clock);
    }

    private async Task<ExecutionStatus?> RecordedStatusAsync(Guid executionId)
    {
        await using var db = App.CreateSystemContext();
        return await db.WorkflowExecutions.IgnoreQueryFilters().Where(e => e.Id == executionId).Select(e => (ExecutionStatus?)e.Status).SingleOrDefaultAsync();
    }

    private static async Task WaitForAsync(Func<bool> condition) => await WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the condition should have come true by now");
            await Task.Delay(20);
        }
    }

    private static JsonObject Delay(string id, double seconds) => new()
    {
        ["id"] = id, ["type"] = "delay", ["label"] = id, ["config"] = new JsonObject { ["duration"] = seconds, ["unit"] = "seconds" },
    };

    private static JsonObject Code(string id) => new()
    {
        ["id"] = id, ["type"] = "code", ["label"] = id,
        ["config"] = new JsonObject { ["language"] = "javascript", ["code"] = "return { done: true };" },
    };

    /// <summary>A trigger followed by <paramref name="chain"/>, one after the other.</summary>
    private Task<Guid> AddWorkflowAsync(params JsonObject[] chain)
    {
        var trigger = new JsonObject { ["id"] = "trigger", ["type"] = "trigger", ["label"] = "Start", ["config"] = new JsonObject() };
        var all = new[] { trigger }.Concat(chain).ToArray();
        var nodes = new JsonArray(all.Select(JsonNode (n) => n).ToArray()).ToJsonString();
        var edges = new JsonArray(all.Zip(all.Skip(1), JsonNode (a, b) => new JsonObject
        {
            ["id"] = $"{a["id"]}-{b["id"]}", ["source"] = a["id"]!.GetValue<string>(), ["target"] = b["id"]!.GetValue<string>(),
        }).ToArray()).ToJsonString();
        return App.AddWorkflowAsync(_tenant, _user, "Session", nodes, edges);
    }
}
