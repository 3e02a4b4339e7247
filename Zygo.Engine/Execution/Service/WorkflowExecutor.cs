using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Execution.Recording;
using Zygo.Engine.Validation;

namespace Zygo.Engine.Execution.Service;

/// <summary>
/// Turns "run workflow X of tenant T" into a recorded run: validates the graph, creates the execution row (running
/// for a run that starts now, pending for the queue), resolves the tenant variables the graph refers to, runs it
/// and records the outcome. Tenant ids are explicit: queued runs have no request around them.
/// </summary>
public sealed class WorkflowExecutor(
    IServiceScopeFactory scopes,
    FlowRunner runner,
    GraphValidator validator,
    ExecutionCancellations cancellations,
    TenantVariables variables,
    PreparedGraphCache graphs,
    RunRecordQueue records,
    SystemReadContexts reads,
    TimeProvider clock)
{
    /// <summary>How often the steps of a long run are written while it runs.</summary>
    public static readonly TimeSpan StepWriteInterval = TimeSpan.FromSeconds(1);

    private sealed record StoredWorkflow(string Nodes, string Edges, int Version, Guid ConcurrencyStamp);

    /// <summary>Compiled once: translating the query again on every run cost more than running it.</summary>
    private static readonly Func<ZygoDbContext, Guid, Guid, CancellationToken, Task<StoredWorkflow?>> StoredGraph =
        EF.CompileAsyncQuery((ZygoDbContext db, Guid workflowId, Guid tenantId, CancellationToken _) =>
            db.Workflows.IgnoreQueryFilters().AsNoTracking()
                .Where(w => w.Id == workflowId && w.TenantId == tenantId)
                .Select(w => new StoredWorkflow(w.Nodes, w.Edges, w.Version, w.ConcurrencyStamp))
                .SingleOrDefault());

    /// <summary>Validates and creates the execution row; <paramref name="queued"/> leaves it pending for the worker.</summary>
    public async Task<ExecutionStart> CreateAsync(ExecutionRequest request, bool queued, CancellationToken ct)
    {
        var workflow = await reads.ReadAsync(db => StoredGraph(db, request.WorkflowId, request.TenantId, ct));
        if (workflow is null)
        {
            return ExecutionStart.NotFound;
        }

        if (graphs.Get(request.WorkflowId, workflow.ConcurrencyStamp, workflow.Nodes, workflow.Edges) is not { } prepared)
        {
            return ExecutionStart.Invalid([new ValidationProblem("invalid_graph", "The stored graph is not valid JSON.")]);
        }

        var problems = prepared.Problems;
        if (problems.Count == 0 && prepared.ChecksVariableNames)
        {
            var variableNames = await reads.ReadAsync(db => db.EnvironmentVariables.IgnoreQueryFilters()
                .Where(v => v.TenantId == request.TenantId).Select(v => v.Name).ToListAsync(ct));
            problems = validator.Validate(prepared.Graph, variableNames.ToHashSet(StringComparer.Ordinal));
        }

        if (problems.Count > 0)
        {
            return ExecutionStart.Invalid(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var execution = new WorkflowExecution
        {
            TenantId = request.TenantId,
            WorkflowId = request.WorkflowId,
            WorkflowVersion = workflow.Version,
            Status = queued ? ExecutionStatus.Pending : ExecutionStatus.Running,
            TriggeredBy = request.TriggeredBy,
            TriggerUserId = request.UserId,
            Input = request.Input?.ToJsonString(EngineJson.Options),
            TriggeredAt = now,
            StartedAt = queued ? null : now,
        };
        if (!queued)
        {
            cancellations.Reserve(execution.Id);
        }

        try
        {
            // Not cancellable once queued: a row written after its caller gave up would stay running with no run.
            await records.AddExecutionAsync(execution);
        }
        catch
        {
            cancellations.Unregister(execution.Id);
            throw;
        }

        return ExecutionStart.Created(execution.Id, prepared);
    }

    /// <summary>Runs an execution just created by <see cref="CreateAsync"/> (not queued) with the graph it validated.</summary>
    public Task<RunResult> RunAsync(ExecutionRequest request, ExecutionStart start, CancellationToken ct) =>
        start.ExecutionId is { } id && start.Prepared is { } prepared
            ? RunAsync(new ExecutionInfo(request.TenantId, request.WorkflowId, id), prepared, request.Input, ct)
            : throw new InvalidOperationException("Only a created execution can be run.");

    /// <summary>Runs a created execution to its end and records it; cancellable through <see cref="ExecutionCancellations"/>.</summary>
    public async Task<RunResult> RunAsync(Guid tenantId, Guid executionId, CancellationToken ct)
    {
        try
        {
            return await LoadAndRunAsync(tenantId, executionId, ct);
        }
        finally
        {
            // A reservation made by the queue worker ends here too when the run never got going.
            cancellations.Unregister(executionId);
        }
    }

    private async Task<RunResult> LoadAndRunAsync(Guid tenantId, Guid executionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>();
        WorkflowExecution execution;
        PreparedGraph? prepared;
        await using (var db = contexts.CreateDbContext())
        {
            execution = await db.WorkflowExecutions.IgnoreQueryFilters().AsNoTracking()
                .SingleAsync(e => e.Id == executionId && e.TenantId == tenantId, ct);
            var version = await db.WorkflowVersions.IgnoreQueryFilters().AsNoTracking()
                .Where(v => v.WorkflowId == execution.WorkflowId && v.Version == execution.WorkflowVersion && v.TenantId == tenantId)
                .Select(v => new { v.Nodes, v.Edges }).SingleOrDefaultAsync(ct)
                ?? await db.Workflows.IgnoreQueryFilters().AsNoTracking().Where(w => w.Id == execution.WorkflowId)
                    .Select(w => new { w.Nodes, w.Edges }).SingleAsync(ct);
            prepared = graphs.Prepare(version.Nodes, version.Edges);
        }

        var info = new ExecutionInfo(tenantId, execution.WorkflowId, executionId);
        var input = execution.Input is null ? null : JsonNode.Parse(execution.Input);
        if (prepared is null)
        {
            var failed = Failed("The stored graph is not valid JSON.");
            await new DbExecutionRecorder(records).RunFinishedAsync(info, failed);
            return failed;
        }

        return await RunAsync(info, prepared, input, ct);
    }

    private async Task<RunResult> RunAsync(ExecutionInfo info, PreparedGraph prepared, JsonNode? input, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>();
        Dictionary<string, string> env = [];
        if (prepared.Variables.Count > 0)
        {
            await using var db = contexts.CreateDbContext();
            env = await variables.LoadAsync(db, info.TenantId, prepared.Variables, ct);
        }

        using var cts = cancellations.Register(info.ExecutionId, ct);
        await using var steps = new StepWriter(records, info, StepWriteInterval, clock);
        try
        {
            var result = await runner.RunAsync(prepared.Graph, new RunRequest(info, input, env, scope.ServiceProvider, steps.Add), cts.Token);
            var written = await steps.StopAsync();
            await new DbExecutionRecorder(records).RunFinishedAsync(info, result, written);
            return result;
        }
        finally
        {
            cancellations.Unregister(info.ExecutionId);
        }
    }

    /// <summary>Cancels a run in progress here, or a queued one; false when it has already ended or is unknown.</summary>
    public async Task<bool> CancelAsync(Guid tenantId, Guid executionId, CancellationToken ct)
    {
        if (cancellations.Cancel(executionId))
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = await db.WorkflowExecutions.IgnoreQueryFilters()
            .Where(e => e.Id == executionId && e.TenantId == tenantId && e.Status == ExecutionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExecutionStatus.Cancelled).SetProperty(e => e.CompletedAt, now), ct);
        return cancelled > 0;
    }

    private RunResult Failed(string message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new RunResult(ExecutionStatus.Failed, null, new RunError(null, message), now, now, []);
    }
}
