using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Service;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Executions;

/// <summary>
/// A cancel that arrives after the row says "running" but before the run has started (the window between the
/// insert or claim and the runner) still stops the run, instead of answering that it has already ended.
/// </summary>
public sealed class EarlyCancelTests : AppTest
{
    [Fact]
    public async Task A_run_cancelled_between_its_creation_and_its_start_ends_cancelled()
    {
        var tenant = await App.CreateTenantAsync("Early cancel");
        var user = await App.CreateUserAsync(tenant, TenantRole.Developer);
        var workflow = await AddDelayWorkflowAsync(tenant, user);
        var executor = App.Services.GetRequiredService<WorkflowExecutor>();
        var request = new ExecutionRequest(tenant, workflow, null, TriggerSource.Api, user);

        var start = await executor.CreateAsync(request, queued: false, CancellationToken.None);
        var accepted = await executor.CancelAsync(tenant, start.ExecutionId!.Value, CancellationToken.None);
        var result = await executor.RunAsync(request, start, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        accepted.Should().BeTrue("the run is this instance's, even though it has not started yet");
        result.Status.Should().Be(ExecutionStatus.Cancelled);
    }

    [Fact]
    public async Task A_queued_run_claimed_by_the_worker_can_be_cancelled_at_once()
    {
        var cancellations = App.Services.GetRequiredService<ExecutionCancellations>();
        var id = Guid.NewGuid();

        cancellations.Reserve(id);
        var cancelled = cancellations.Cancel(id);
        using var run = cancellations.Register(id, CancellationToken.None);

        cancelled.Should().BeTrue();
        run.IsCancellationRequested.Should().BeTrue("the run picks up the cancel made while it was only reserved");
        cancellations.Unregister(id);
        cancellations.Cancel(id).Should().BeFalse();
    }

    private Task<Guid> AddDelayWorkflowAsync(Guid tenant, Guid user)
    {
        var nodes = new JsonArray(
            new JsonObject { ["id"] = "trigger", ["type"] = "trigger", ["label"] = "Start", ["config"] = new JsonObject() },
            new JsonObject { ["id"] = "wait", ["type"] = "delay", ["label"] = "Wait", ["config"] = new JsonObject { ["duration"] = 60, ["unit"] = "seconds" } })
            .ToJsonString();
        var edges = new JsonArray(new JsonObject { ["id"] = "e1", ["source"] = "trigger", ["target"] = "wait" }).ToJsonString();
        return App.AddWorkflowAsync(tenant, user, "Wait", nodes, edges);
    }
}
