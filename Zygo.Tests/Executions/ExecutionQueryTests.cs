using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Executions;

namespace Zygo.Tests.Executions;

public sealed class ExecutionQueryTests : AppTest
{
    private static readonly DateTime T0 = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Lists_runs_of_the_current_tenant_newest_first_with_workflow_name_and_duration()
    {
        var tenant = await App.DemoTenantIdAsync();
        var other = await App.CreateTenantAsync("Other");
        var workflow = await AddWorkflowAsync(tenant, "Lead triage run");
        var foreign = await AddWorkflowAsync(other, "Foreign");
        await AddExecutionAsync(tenant, workflow, ExecutionStatus.Completed, TriggerSource.User, T0, TimeSpan.FromMilliseconds(1500));
        await AddExecutionAsync(tenant, workflow, ExecutionStatus.Failed, TriggerSource.Webhook, T0.AddMinutes(5), null);
        await AddExecutionAsync(other, foreign, ExecutionStatus.Completed, TriggerSource.User, T0.AddMinutes(9), null);

        var page = await ListAsync(tenant, TenantRole.Viewer, new ExecutionFilter());

        page.Total.Should().Be(2);
        page.Items.Select(e => e.Status).Should().Equal(ExecutionStatus.Failed, ExecutionStatus.Completed);
        page.Items.Should().OnlyContain(e => e.WorkflowName == "Lead triage run");
        page.Items[1].DurationMs.Should().Be(1500);
        page.Items[0].DurationMs.Should().BeNull();
    }

    [Fact]
    public async Task Filters_by_status_trigger_and_workflow_and_pages()
    {
        var tenant = await App.DemoTenantIdAsync();
        var first = await AddWorkflowAsync(tenant, "First");
        var second = await AddWorkflowAsync(tenant, "Second");
        for (var i = 0; i < 3; i++)
        {
            await AddExecutionAsync(tenant, first, ExecutionStatus.Completed, TriggerSource.Schedule, T0.AddMinutes(i), null);
        }

        await AddExecutionAsync(tenant, second, ExecutionStatus.Running, TriggerSource.Api, T0.AddMinutes(10), null);

        (await ListAsync(tenant, TenantRole.Member, new ExecutionFilter(Status: ExecutionStatus.Running))).Total.Should().Be(1);
        (await ListAsync(tenant, TenantRole.Member, new ExecutionFilter(TriggeredBy: TriggerSource.Schedule))).Total.Should().Be(3);
        (await ListAsync(tenant, TenantRole.Member, new ExecutionFilter(WorkflowId: second))).Items.Should().ContainSingle()
            .Which.WorkflowName.Should().Be("Second");
        var page = await ListAsync(tenant, TenantRole.Member, new ExecutionFilter(Limit: 2, Offset: 2));
        page.Total.Should().Be(4);
        page.Items.Select(e => e.TriggeredAt).Should().Equal(T0.AddMinutes(1), T0);
    }

    [Fact]
    public async Task Filters_by_date_range_from_inclusive_to_exclusive()
    {
        var tenant = await App.DemoTenantIdAsync();
        var workflow = await AddWorkflowAsync(tenant, "Dated");
        foreach (var day in new[] { 0, 1, 2, 3 })
        {
            await AddExecutionAsync(tenant, workflow, ExecutionStatus.Completed, TriggerSource.User, T0.AddDays(day), null);
        }

        var page = await ListAsync(tenant, TenantRole.Viewer, new ExecutionFilter(WorkflowId: workflow, From: T0.AddDays(1), To: T0.AddDays(3)));

        page.Items.Select(e => e.TriggeredAt).Should().Equal(T0.AddDays(2), T0.AddDays(1));
    }

    [Fact]
    public async Task Reads_one_run_with_the_version_it_ran_and_nothing_for_another_workflow_or_tenant()
    {
        var tenant = await App.DemoTenantIdAsync();
        var other = await App.CreateTenantAsync("Elsewhere");
        var workflow = await AddWorkflowAsync(tenant, "Versioned");
        var foreignWorkflow = await AddWorkflowAsync(other, "Foreign run");
        var id = await AddExecutionAsync(tenant, workflow, ExecutionStatus.Failed, TriggerSource.User, T0, TimeSpan.FromSeconds(1), version: 3);
        var foreign = await AddExecutionAsync(other, foreignWorkflow, ExecutionStatus.Completed, TriggerSource.User, T0, null);
        var userId = await App.CreateUserAsync(tenant, TenantRole.Viewer);
        using var scope = App.ScopeFor(userId, tenant, TenantRole.Viewer);
        var query = scope.ServiceProvider.GetRequiredService<ExecutionQuery>();

        var record = await query.GetAsync(workflow, id);

        record.Should().NotBeNull();
        record!.WorkflowVersion.Should().Be(3);
        record.View.Status.Should().Be(ExecutionStatus.Failed);
        (await query.GetAsync(Guid.NewGuid(), id)).Should().BeNull();
        (await query.GetAsync(foreignWorkflow, foreign)).Should().BeNull();
    }

    private async Task<Zygo.Web.Common.PagedResult<ExecutionSummary>> ListAsync(Guid tenant, TenantRole role, ExecutionFilter filter)
    {
        var userId = await App.CreateUserAsync(tenant, role);
        using var scope = App.ScopeFor(userId, tenant, role);
        return await scope.ServiceProvider.GetRequiredService<ExecutionQuery>().ListAsync(filter);
    }

    private async Task<Guid> AddWorkflowAsync(Guid tenant, string name)
    {
        var creator = await App.CreateUserAsync(tenant, TenantRole.Developer);
        await using var db = App.CreateSystemContext();
        var workflow = new Workflow { TenantId = tenant, Name = name, Slug = Guid.NewGuid().ToString("N"), CreatedByUserId = creator };
        db.Workflows.Add(workflow);
        await db.SaveChangesAsync();
        return workflow.Id;
    }

    private async Task<Guid> AddExecutionAsync(Guid tenant, Guid workflow, ExecutionStatus status, TriggerSource source,
        DateTime triggeredAt, TimeSpan? duration, int version = 1)
    {
        await using var db = App.CreateSystemContext();
        var execution = new WorkflowExecution
        {
            WorkflowVersion = version,
            TenantId = tenant,
            WorkflowId = workflow,
            Status = status,
            TriggeredBy = source,
            TriggeredAt = triggeredAt,
            StartedAt = triggeredAt,
            CompletedAt = duration is { } d ? triggeredAt + d : null,
        };
        db.WorkflowExecutions.Add(execution);
        await db.SaveChangesAsync();
        return execution.Id;
    }
}
