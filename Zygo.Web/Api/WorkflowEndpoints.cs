using System.Text.Json;
using Zygo.Data.Entities;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Workflows;

namespace Zygo.Web.Api;

/// <summary>/api/v1/workflows: each route names the permission it needs; tenant isolation comes from the data layer.</summary>
public static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");

        group.MapGet("/", async (WorkflowService service, string? status, string? search, int? limit, int? offset, CancellationToken ct) =>
        {
            WorkflowStatus? parsed = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
                {
                    throw new InputValidationException("status", $"'{status}' is not a status. Use draft, active, paused or archived.");
                }

                parsed = s;
            }

            return Results.Ok(await service.ListAsync(new WorkflowQuery(search, parsed, limit ?? 25, offset ?? 0), ct));
        }).RequireAuthorization(Policies.ViewWorkflows).WithName("ListWorkflows");

        group.MapPost("/", async (WorkflowService service, CreateWorkflowRequest body, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(new WorkflowDraft(body.Name, body.Description, body.Slug,
                RawJson(body.Nodes), RawJson(body.Edges)), ct);
            return Results.Created($"/api/v1/workflows/{created.Id}", created);
        }).RequireAuthorization(Policies.CreateWorkflows).WithName("CreateWorkflow");

        group.MapGet("/{id:guid}", async (WorkflowService service, Guid id, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } workflow ? Results.Ok(workflow) : Problems.NotFound("workflow"))
            .RequireAuthorization(Policies.ViewWorkflows).WithName("GetWorkflow");

        group.MapPatch("/{id:guid}", async (WorkflowService service, Guid id, PatchWorkflowRequest body, CancellationToken ct) =>
            await service.UpdateAsync(id, new WorkflowChange(body.Name, body.Description, body.Slug, RawJson(body.Nodes),
                RawJson(body.Edges), body.Status, body.ChangeNote, body.ConcurrencyStamp), ct) is { } workflow
                ? Results.Ok(workflow)
                : Problems.NotFound("workflow"))
            .RequireAuthorization(Policies.EditWorkflows).WithName("UpdateWorkflow");

        group.MapDelete("/{id:guid}", async (WorkflowService service, Guid id, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Problems.NotFound("workflow"))
            .RequireAuthorization(Policies.DeleteWorkflows).WithName("DeleteWorkflow");

        group.MapPost("/{id:guid}/duplicate", async (WorkflowService service, Guid id, CancellationToken ct) =>
            await service.DuplicateAsync(id, ct) is { } copy
                ? Results.Created($"/api/v1/workflows/{copy.Id}", copy)
                : Problems.NotFound("workflow"))
            .RequireAuthorization(Policies.CreateWorkflows).WithName("DuplicateWorkflow");

        group.MapGet("/{id:guid}/versions", async (WorkflowVersionService versions, Guid id, CancellationToken ct) =>
            await versions.ListAsync(id, ct) is { } list ? Results.Ok(list) : Problems.NotFound("workflow"))
            .RequireAuthorization(Policies.ViewWorkflows).WithName("ListWorkflowVersions");

        group.MapPost("/{id:guid}/versions/{version:int}/restore",
            async (WorkflowVersionService versions, Guid id, int version, RestoreVersionRequest? body, CancellationToken ct) =>
                await versions.RestoreAsync(id, version, body?.ConcurrencyStamp, ct) is { } restored
                    ? Results.Ok(restored)
                    : Problems.NotFound("workflow version"))
            .RequireAuthorization(Policies.EditWorkflows).WithName("RestoreWorkflowVersion");
    }

    /// <summary>A JSON null counts as absent, like a missing member.</summary>
    private static string? RawJson(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } e ? e.GetRawText() : null;
}
