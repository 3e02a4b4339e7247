using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Recording;
using Zygo.Tests.Api;

namespace Zygo.Tests.Engine.Recording;

/// <summary>
/// Run records are committed by one writer for all runs (group commit) against the app's real SQLite file: whatever
/// queues up together is committed together, a bad write fails alone, and nothing queued is lost at shutdown.
/// </summary>
public sealed class RunRecordQueueTests(RunRecordQueueTests.Fixture fixture) : IClassFixture<RunRecordQueueTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        public Guid TenantId { get; private set; }
        public Guid WorkflowId { get; private set; }

        public override async Task InitializeAsync()
        {
            TenantId = await App.CreateTenantAsync("Records");
            var owner = await App.CreateUserAsync(TenantId, TenantRole.Owner);
            await using var db = Contexts();
            var workflow = new Workflow { TenantId = TenantId, Name = "Recorded", Slug = "recorded", CreatedByUserId = owner };
            db.Workflows.Add(workflow);
            await db.SaveChangesAsync();
            WorkflowId = workflow.Id;
        }

        public ZygoDbContext Contexts() => App.Services.CreateScope().ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
    }

    [Fact]
    public async Task Many_concurrent_runs_are_all_recorded_with_their_outcome_after_their_start()
    {
        var queue = fixture.App.Services.GetRequiredService<RunRecordQueue>();
        var runs = Enumerable.Range(0, 120).Select(_ => NewExecution()).ToList();

        await Task.WhenAll(runs.Select(async run =>
        {
            // Not awaited in between: the outcome is queued right behind the row it updates.
            var added = queue.AddExecutionAsync(run);
            var finished = queue.FinishAsync(Outcome(run), [Step(run, "a", 0), Step(run, "b", 1)]);
            await Task.WhenAll(added, finished);
        }));

        await using var db = fixture.Contexts();
        var ids = runs.Select(r => r.Id).ToList();
        var stored = await db.WorkflowExecutions.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync();
        stored.Should().HaveCount(120).And.OnlyContain(e => e.Status == ExecutionStatus.Completed && e.Output == "{\"done\":true}");
        (await db.NodeExecutions.IgnoreQueryFilters().CountAsync(n => ids.Contains(n.ExecutionId))).Should().Be(240);
    }

    [Fact]
    public async Task A_write_that_fails_fails_alone_and_the_writes_queued_with_it_are_committed()
    {
        var queue = fixture.App.Services.GetRequiredService<RunRecordQueue>();
        var existing = NewExecution();
        await queue.AddExecutionAsync(existing);
        var good = Enumerable.Range(0, 40).Select(_ => NewExecution()).ToList();

        var writes = good.Take(20).Select(queue.AddExecutionAsync)
            .Append(queue.AddExecutionAsync(NewExecution(existing.Id)))
            .Concat(good.Skip(20).Select(queue.AddExecutionAsync))
            .ToList();
        var all = Task.WhenAll(writes);
        await FluentActions.Awaiting(() => all).Should().ThrowAsync<Exception>();

        writes.Count(w => w.IsFaulted).Should().Be(1, "only the duplicate key fails");
        writes[20].IsFaulted.Should().BeTrue();
        await using var db = fixture.Contexts();
        var ids = good.Select(r => r.Id).ToList();
        (await db.WorkflowExecutions.IgnoreQueryFilters().CountAsync(e => ids.Contains(e.Id))).Should().Be(40);
    }

    [Fact]
    public async Task Stopping_commits_everything_already_queued()
    {
        var queue = new RunRecordQueue(fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<RunRecordQueue>.Instance);
        var runs = Enumerable.Range(0, 60).Select(_ => NewExecution()).ToList();
        var writes = runs.Select(queue.AddExecutionAsync).ToList();

        await queue.DisposeAsync();

        writes.Should().OnlyContain(w => w.IsCompletedSuccessfully);
        await FluentActions.Awaiting(() => queue.AddExecutionAsync(NewExecution())).Should().ThrowAsync<ObjectDisposedException>();
        await using var db = fixture.Contexts();
        var ids = runs.Select(r => r.Id).ToList();
        (await db.WorkflowExecutions.IgnoreQueryFilters().CountAsync(e => ids.Contains(e.Id))).Should().Be(60);
    }

    private WorkflowExecution NewExecution(Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        TenantId = fixture.TenantId,
        WorkflowId = fixture.WorkflowId,
        Status = ExecutionStatus.Running,
        TriggeredBy = TriggerSource.Api,
        TriggeredAt = DateTime.UtcNow,
        StartedAt = DateTime.UtcNow,
    };

    private static WorkflowExecution Outcome(WorkflowExecution run) => new()
    {
        Id = run.Id,
        TenantId = run.TenantId,
        WorkflowId = run.WorkflowId,
        Status = ExecutionStatus.Completed,
        CompletedAt = DateTime.UtcNow,
        Output = "{\"done\":true}",
    };

    private static NodeExecution Step(WorkflowExecution run, string nodeId, int sequence) => new()
    {
        ExecutionId = run.Id,
        TenantId = run.TenantId,
        NodeId = nodeId,
        NodeType = "code",
        Status = NodeExecutionStatus.Completed,
        Sequence = sequence,
        StartedAt = DateTime.UtcNow,
        CompletedAt = DateTime.UtcNow,
    };
}
