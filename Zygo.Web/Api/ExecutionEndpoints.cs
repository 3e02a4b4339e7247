using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Service;
using Zygo.Web.Common;
using Zygo.Web.Executions;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Api;

/// <summary>Running workflows and reading their runs: /api/v1/workflows/{id}/execute and …/executions.</summary>
public static class ExecutionEndpoints
{
    public static void MapExecutionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows/{id:guid}").WithTags("Executions");

        group.MapPost("/execute", ExecuteAsync).RequireAuthorization(Policies.ExecuteWorkflows).WithName("ExecuteWorkflow");

        group.MapGet("/executions", async (Guid id, string? status, int? limit, int? offset, ZygoDbContext db, CancellationToken ct) =>
        {
            if (!await db.Workflows.AnyAsync(w => w.Id == id, ct))
            {
                return Problems.NotFound("workflow");
            }

            var (take, skip) = (Math.Clamp(limit ?? 25, 1, 200), Math.Max(0, offset ?? 0));
            var (items, total) = await ExecutionReader.ListAsync(db, id, ParseStatus(status), take, skip, ct);
            return Results.Ok(new PagedResult<ExecutionView>(items, total, take, skip));
        }).RequireAuthorization(Policies.ViewLogs).WithName("ListExecutions");

        group.MapGet("/executions/{executionId:guid}", async (Guid id, Guid executionId, ZygoDbContext db, CancellationToken ct) =>
            await ExecutionReader.GetAsync(db, id, executionId, ct) is { } view ? Results.Ok(view) : Problems.NotFound("execution"))
            .RequireAuthorization(Policies.ViewLogs).WithName("GetExecution");

        group.MapPost("/executions/{executionId:guid}/cancel", async (Guid id, Guid executionId, ZygoDbContext db,
            WorkflowExecutor executor, ICurrentUser user, CancellationToken ct) =>
        {
            var execution = await db.WorkflowExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == executionId && e.WorkflowId == id, ct);
            if (execution is null)
            {
                return Problems.NotFound("execution");
            }

            return await executor.CancelAsync(user.TenantId!.Value, executionId, ct)
                ? Results.Accepted($"/api/v1/workflows/{id}/executions/{executionId}", new { id = executionId, cancelling = true })
                : Results.Problem(statusCode: 409, title: "Conflict.",
                    detail: $"The execution has already ended ({execution.Status.ToString().ToLowerInvariant()}).");
        }).RequireAuthorization(Policies.ExecuteWorkflows).WithName("CancelExecution");

        group.MapPost("/executions/{executionId:guid}/retry", async (Guid id, Guid executionId, ZygoDbContext db,
            WorkflowExecutor executor, ExecutionQueue queue, ICurrentUser user, HttpContext http, CancellationToken ct) =>
        {
            var previous = await db.WorkflowExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == executionId && e.WorkflowId == id, ct);
            if (previous is null)
            {
                return Problems.NotFound("execution");
            }

            var input = previous.Input is null ? null : System.Text.Json.Nodes.JsonNode.Parse(previous.Input);
            return await QueueAsync(executor, queue, Request(user, http, id, input), id, ct);
        }).RequireAuthorization(Policies.ExecuteWorkflows).WithName("RetryExecution");
    }

    private static async Task<IResult> ExecuteAsync(Guid id, ExecuteWorkflowRequest? body, WorkflowExecutor executor,
        ExecutionQueue queue, ExecutionEventBus events, ICurrentUser user, HttpContext http, CancellationToken ct)
    {
        var request = Request(user, http, id, body?.Input);
        var mode = body?.Mode ?? ExecutionMode.Sync;
        if (mode == ExecutionMode.Async)
        {
            return await QueueAsync(executor, queue, request, id, ct);
        }

        var start = await executor.CreateAsync(request, queued: false, ct);
        if (Refusal(start) is { } refusal)
        {
            return refusal;
        }

        var executionId = start.ExecutionId!.Value;
        if (mode == ExecutionMode.Stream)
        {
            await StreamAsync(http, events, executor, request, start, ct);
            return Results.Empty;
        }

        // The run belongs to the request: a client that goes away cancels it, and it is recorded as cancelled.
        var run = await executor.RunAsync(request, start, ct);
        return Results.Ok(ExecutionReader.FromRun(executionId, id, request.TriggeredBy, request.Input, run));
    }

    private static async Task<IResult> QueueAsync(WorkflowExecutor executor, ExecutionQueue queue, ExecutionRequest request,
        Guid workflowId, CancellationToken ct)
    {
        var start = await executor.CreateAsync(request, queued: true, ct);
        if (Refusal(start) is { } refusal)
        {
            return refusal;
        }

        queue.Notify();
        return Results.Accepted($"/api/v1/workflows/{workflowId}/executions/{start.ExecutionId}",
            new { id = start.ExecutionId, status = ExecutionStatus.Pending });
    }

    /// <summary>Server-sent events of the run, one per step, ending with the finished event.</summary>
    private static async Task StreamAsync(HttpContext http, ExecutionEventBus events, WorkflowExecutor executor,
        ExecutionRequest request, ExecutionStart start, CancellationToken ct)
    {
        using var subscription = events.Subscribe(e => e.ExecutionId == start.ExecutionId);
        var stream = ServerSentEvents.Start(http);
        var run = executor.RunAsync(request, start, ct);
        await foreach (var e in subscription.Reader.ReadAllAsync(ct))
        {
            await stream.WriteAsync(JsonNamingPolicy.CamelCase.ConvertName(e.Kind.ToString()), e, ct);
            if (e.Kind == ExecutionEventKind.ExecutionFinished)
            {
                break;
            }
        }

        await run;
    }

    private static IResult? Refusal(ExecutionStart start) =>
        !start.WorkflowFound
            ? Problems.NotFound("workflow")
            : start.Problems.Count > 0
                ? Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The workflow cannot run.",
                    detail: string.Join(" ", start.Problems.Select(p => p.Message)),
                    extensions: new Dictionary<string, object?> { ["problems"] = start.Problems })
                : null;

    private static ExecutionRequest Request(ICurrentUser user, HttpContext http, Guid workflowId, System.Text.Json.Nodes.JsonNode? input) =>
        new(user.TenantId!.Value, workflowId, input,
            http.User.HasClaim(c => c.Type == ZygoClaims.ApiKeyId) ? TriggerSource.Api : TriggerSource.User, user.UserId);

    private static ExecutionStatus? ParseStatus(string? status) =>
        string.IsNullOrEmpty(status) ? null
        : Enum.TryParse<ExecutionStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _) ? s
        : throw new InputValidationException("status", $"'{status}' is not an execution status.");
}
