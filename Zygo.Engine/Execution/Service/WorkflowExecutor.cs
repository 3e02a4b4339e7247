using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Execution.Recording;
using Zygo.Engine.Graph;
using Zygo.Engine.Templating;
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
    ISecretProtector secrets,
    TimeProvider clock)
{
    /// <summary>Validates and creates the execution row; <paramref name="queued"/> leaves it pending for the worker.</summary>
    public async Task<ExecutionStart> CreateAsync(ExecutionRequest request, bool queued, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
        var workflow = await db.Workflows.IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.Id == request.WorkflowId && w.TenantId == request.TenantId)
            .Select(w => new { w.Nodes, w.Edges, w.Version })
            .SingleOrDefaultAsync(ct);
        if (workflow is null)
        {
            return ExecutionStart.NotFound;
        }

        if (Parse(workflow.Nodes, workflow.Edges) is not { } graph)
        {
            return ExecutionStart.Invalid([new ValidationProblem("invalid_graph", "The stored graph is not valid JSON.")]);
        }

        var variables = await db.EnvironmentVariables.IgnoreQueryFilters().Where(v => v.TenantId == request.TenantId)
            .Select(v => v.Name).ToListAsync(ct);
        var problems = validator.Validate(graph, variables.ToHashSet(StringComparer.Ordinal));
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
        db.WorkflowExecutions.Add(execution);
        await db.SaveChangesAsync(ct);
        return ExecutionStart.Created(execution.Id);
    }

    /// <summary>Runs a created execution to its end and records it; cancellable through <see cref="ExecutionCancellations"/>.</summary>
    public async Task<RunResult> RunAsync(Guid tenantId, Guid executionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>();
        var recorder = new DbExecutionRecorder(contexts.CreateDbContext);
        WorkflowExecution execution;
        WorkflowGraph? graph;
        Dictionary<string, string> env;
        await using (var db = contexts.CreateDbContext())
        {
            execution = await db.WorkflowExecutions.IgnoreQueryFilters().AsNoTracking()
                .SingleAsync(e => e.Id == executionId && e.TenantId == tenantId, ct);
            var version = await db.WorkflowVersions.IgnoreQueryFilters().AsNoTracking()
                .Where(v => v.WorkflowId == execution.WorkflowId && v.Version == execution.WorkflowVersion && v.TenantId == tenantId)
                .Select(v => new { v.Nodes, v.Edges }).SingleOrDefaultAsync(ct)
                ?? await db.Workflows.IgnoreQueryFilters().AsNoTracking().Where(w => w.Id == execution.WorkflowId)
                    .Select(w => new { w.Nodes, w.Edges }).SingleAsync(ct);
            graph = Parse(version.Nodes, version.Edges);
            env = graph is null ? [] : await LoadVariablesAsync(db, tenantId, graph, ct);
        }

        var info = new ExecutionInfo(tenantId, execution.WorkflowId, executionId);
        var input = execution.Input is null ? null : JsonNode.Parse(execution.Input);
        using var cts = cancellations.Register(executionId, ct);
        try
        {
            var result = graph is null
                ? Failed("The stored graph is not valid JSON.")
                : await runner.RunAsync(graph, new RunRequest(info, input, env, scope.ServiceProvider), cts.Token);
            await recorder.RunFinishedAsync(info, result, CancellationToken.None);
            return result;
        }
        finally
        {
            cancellations.Unregister(executionId);
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

    /// <summary>Decrypts only the tenant variables the graph refers to, as {{env.X}} or {{X}}.</summary>
    private async Task<Dictionary<string, string>> LoadVariablesAsync(ZygoDbContext db, Guid tenantId, WorkflowGraph graph, CancellationToken ct)
    {
        var names = ReferencedVariables(graph);
        if (names.Count == 0)
        {
            return [];
        }

        var rows = await db.EnvironmentVariables.IgnoreQueryFilters()
            .Where(v => v.TenantId == tenantId && names.Contains(v.Name))
            .Select(v => new { v.Name, v.EncryptedValue }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Name, r => secrets.Unprotect(r.EncryptedValue), StringComparer.Ordinal);
    }

    private static HashSet<string> ReferencedVariables(WorkflowGraph graph) =>
        graph.Nodes.SelectMany(n => Strings(n.Config)).SelectMany(TemplateResolver.References)
            .Select(TemplatePath.Split)
            .Where(s => s is not null)
            .Select(s => s![0] == "env" && s.Count == 2 ? s[1] : s.Count == 1 ? s[0] : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static WorkflowGraph? Parse(string nodes, string edges)
    {
        try
        {
            return WorkflowGraph.Parse(nodes, edges);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private RunResult Failed(string message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new RunResult(ExecutionStatus.Failed, null, new RunError(null, message), now, now, []);
    }
}
