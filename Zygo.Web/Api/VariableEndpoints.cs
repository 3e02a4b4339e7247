using Zygo.Data.Entities;
using Zygo.Web.Security;
using Zygo.Web.Variables;

namespace Zygo.Web.Api;

/// <summary>/api/v1/variables: values go in, never come out.</summary>
public static class VariableEndpoints
{
    public static void MapVariableEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/variables").WithTags("Variables");

        group.MapGet("/", async (VariableService variables, string? service, CancellationToken ct) =>
            Results.Ok(await variables.ListAsync(service, ct)))
            .RequireAuthorization(Policies.ViewVariables).WithName("ListVariables");

        group.MapGet("/{id:guid}", async (VariableService service, Guid id, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } variable ? Results.Ok(variable) : Problems.NotFound("variable"))
            .RequireAuthorization(Policies.ViewVariables).WithName("GetVariable");

        group.MapPost("/", async (VariableService service, VariableRequest body, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(ToInput(body), ct);
            return Results.Created($"/api/v1/variables/{created.Id}", created);
        }).RequireAuthorization(Policies.ManageVariables).WithName("CreateVariable");

        group.MapPut("/{id:guid}", async (VariableService service, Guid id, VariableRequest body, CancellationToken ct) =>
            await service.UpdateAsync(id, ToInput(body), ct) is { } variable ? Results.Ok(variable) : Problems.NotFound("variable"))
            .RequireAuthorization(Policies.ManageVariables).WithName("UpdateVariable");

        group.MapDelete("/{id:guid}", async (VariableService service, Guid id, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Problems.NotFound("variable"))
            .RequireAuthorization(Policies.ManageVariables).WithName("DeleteVariable");
    }

    private static VariableInput ToInput(VariableRequest body) =>
        new(body.Name, body.Value, body.Service, body.Scope ?? VariableScope.Workspace, body.Description);
}
