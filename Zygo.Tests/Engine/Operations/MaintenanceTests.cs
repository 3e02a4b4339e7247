using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Operations.Maintenance;

namespace Zygo.Tests.Engine.Operations;

public sealed class MaintenanceTests : IAsyncLifetime
{
    private static readonly TimeSpan Old = TimeSpan.FromDays(40);
    private static readonly TimeSpan Recent = TimeSpan.FromDays(5);

    private OperationsTestDatabase _db = null!;
    private ExecutionInfo _a = null!;
    private ExecutionInfo _b = null!;
    private Seeded _seeded = null!;

    private sealed record Seeded(
        Guid OldCompleted, Guid OldFailed, Guid OldCancelled, Guid OldInterruptedWithoutEnd, Guid OldRunning, Guid OldPending,
        Guid RecentCompleted, Guid LongRunEndedRecently, Guid Current, Guid OtherTenantOld);

    public async Task InitializeAsync()
    {
        _db = await OperationsTestDatabase.CreateAsync();
        _a = await _db.AddTenantAsync("Tenant A");
        _b = await _db.AddTenantAsync("Tenant B");
        _seeded = new Seeded(
            await _db.AddRunAsync(_a, ExecutionStatus.Completed, Old),
            await _db.AddRunAsync(_a, ExecutionStatus.Failed, Old),
            await _db.AddRunAsync(_a, ExecutionStatus.Cancelled, Old),
            await _db.AddRunAsync(_a, ExecutionStatus.Interrupted, Old, durationMs: null),
            await _db.AddRunAsync(_a, ExecutionStatus.Running, Old, durationMs: null),
            await _db.AddRunAsync(_a, ExecutionStatus.Pending, Old, durationMs: null),
            await _db.AddRunAsync(_a, ExecutionStatus.Completed, Recent),
            await _db.AddRunAsync(_a, ExecutionStatus.Completed, Old, durationMs: (long)TimeSpan.FromDays(36).TotalMilliseconds),
            // The run doing the purge: even if its record looked finished and old, it is never purged.
            await _db.AddRunAsync(_a, ExecutionStatus.Completed, Old, id: _a.ExecutionId),
            await _db.AddRunAsync(_b, ExecutionStatus.Completed, Old));
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private Task<NodeOutcome> RunAsync(JsonObject config) => _db.Harness.RunAsync<MaintenanceNodeType>(config, execution: _a);

    private IEnumerable<Guid> AllOfA => [
        _seeded.OldCompleted, _seeded.OldFailed, _seeded.OldCancelled, _seeded.OldInterruptedWithoutEnd, _seeded.OldRunning,
        _seeded.OldPending, _seeded.RecentCompleted, _seeded.LongRunEndedRecently, _seeded.Current,
    ];

    [Fact]
    public async Task Purges_the_current_tenants_old_finished_runs_with_their_node_steps_and_nothing_else()
    {
        var outcome = await RunAsync(new JsonObject { ["operation"] = "purge_executions" });

        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo([
            _seeded.OldRunning, _seeded.OldPending, _seeded.RecentCompleted, _seeded.LongRunEndedRecently, _seeded.Current,
        ]);
        (await _db.StepCountAsync(_a.TenantId)).Should().Be(5 * 2);
        (await _db.RunIdsAsync(_b.TenantId)).Should().Equal(_seeded.OtherTenantOld);
        (await _db.StepCountAsync(_b.TenantId)).Should().Be(2);

        var executions = outcome.Output!["executions"]!;
        ((int)executions["matched"]!).Should().Be(4);
        ((int)executions["deleted"]!).Should().Be(4);
        ((int)executions["nodeExecutionsMatched"]!).Should().Be(8);
        ((int)executions["nodeExecutionsDeleted"]!).Should().Be(8);
        executions["statuses"]!.ToJsonString().Should().Be("""["completed","failed","cancelled","interrupted"]""");
        outcome.Output["dryRun"]!.GetValue<bool>().Should().BeFalse();
        outcome.Output.AsObject().ContainsKey("memories").Should().BeFalse();
        _db.Harness.Logs.Should().Contain("Purged 4 runs (8 node steps) older than 30 days.");
    }

    [Fact]
    public async Task A_dry_run_counts_and_deletes_nothing()
    {
        var outcome = await RunAsync(new JsonObject { ["dryRun"] = true });

        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo(AllOfA);
        (await _db.StepCountAsync(_a.TenantId)).Should().Be(9 * 2);
        var executions = outcome.Output!["executions"]!;
        ((int)executions["matched"]!).Should().Be(4);
        ((int)executions["deleted"]!).Should().Be(0);
        ((int)executions["nodeExecutionsMatched"]!).Should().Be(8);
        ((int)executions["nodeExecutionsDeleted"]!).Should().Be(0);
        outcome.Output["dryRun"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Statuses_and_olderThanDays_narrow_or_widen_what_is_purged()
    {
        await RunAsync(new JsonObject { ["statuses"] = new JsonArray("failed") });
        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo(AllOfA.Except([_seeded.OldFailed]));

        await RunAsync(new JsonObject { ["statuses"] = new JsonArray("completed"), ["olderThanDays"] = 3 });
        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo([
            _seeded.OldCancelled, _seeded.OldInterruptedWithoutEnd, _seeded.OldRunning, _seeded.OldPending, _seeded.Current,
        ]);
        (await _db.RunIdsAsync(_b.TenantId)).Should().Equal(_seeded.OtherTenantOld);
    }

    [Fact]
    public async Task WorkflowId_limits_the_purge_to_that_workflow_of_the_tenant()
    {
        var other = await _db.AddWorkflowAsync(_a.TenantId, "Other flow");
        var otherOld = await _db.AddRunAsync(_a, ExecutionStatus.Completed, Old, workflowId: other);

        await RunAsync(new JsonObject { ["workflowId"] = other.ToString() });

        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo(AllOfA);
        (await _db.RunIdsAsync(_a.TenantId)).Should().NotContain(otherOld);
    }

    [Fact]
    public async Task Another_tenants_workflow_id_is_not_found_and_nothing_is_purged()
    {
        var act = () => RunAsync(new JsonObject { ["workflowId"] = _b.WorkflowId.ToString() });

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should()
            .Be($"There is no workflow {_b.WorkflowId} in this tenant.");
        (await _db.RunIdsAsync(_b.TenantId)).Should().Equal(_seeded.OtherTenantOld);
        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo(AllOfA);
    }

    [Fact]
    public async Task Expired_memories_are_honestly_reported_as_not_purged_yet()
    {
        var outcome = await RunAsync(new JsonObject { ["operation"] = "purge_expired_memories" });

        outcome.Output!["memories"]!.ToJsonString().Should().Be("""{"skipped":"no memory store yet"}""");
        outcome.Output.AsObject().ContainsKey("executions").Should().BeFalse();
        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo(AllOfA);
    }

    [Fact]
    public async Task Both_purges_runs_and_reports_the_memories()
    {
        var outcome = await RunAsync(new JsonObject { ["operation"] = "both" });

        ((int)outcome.Output!["executions"]!["deleted"]!).Should().Be(4);
        outcome.Output["memories"]!["skipped"]!.GetValue<string>().Should().Be("no memory store yet");
    }

    [Theory]
    [InlineData("""{ "olderThanDays": 0 }""", "'olderThanDays' must be at least 1 (got 0).")]
    [InlineData("""{ "statuses": ["completed", "running"] }""", "'statuses' may not include running: live runs are never purged.")]
    [InlineData("""{ "statuses": ["pending"] }""", "'statuses' may not include pending: live runs are never purged.")]
    [InlineData("""{ "statuses": [] }""", "'statuses' must list at least one run status to purge.")]
    [InlineData("""{ "workflowId": "not-a-guid" }""", "'workflowId' is not a workflow id: 'not-a-guid'.")]
    public async Task Bad_settings_fail_with_a_clear_message_and_purge_nothing(string config, string message)
    {
        var act = () => RunAsync(JsonNode.Parse(config)!.AsObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Be(message);
        (await _db.RunIdsAsync(_a.TenantId)).Should().BeEquivalentTo(AllOfA);
    }

    [Fact]
    public async Task Without_a_database_the_node_says_it_needs_one()
    {
        using var harness = new NodeHarness();

        var act = () => harness.RunAsync<MaintenanceNodeType>(new JsonObject(), execution: _a);

        var failure = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        failure.Message.Should().Be("'Node under test' needs the Zygo database, and this host has none configured.");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_a_retryable_failure()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), "zygo-tests", "missing-" + Guid.NewGuid().ToString("N"));
        using var harness = new NodeHarness(services => services.AddZygoData(new DatabaseOptions(), missingFolder));

        var act = () => harness.RunAsync<MaintenanceNodeType>(new JsonObject(), execution: _a);

        var failure = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        failure.Message.Should().StartWith("The database could not be used:");
        failure.Retryable.Should().BeTrue();
    }
}
