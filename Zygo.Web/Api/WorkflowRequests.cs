using System.Text.Json;
using System.Text.Json.Serialization;
using Zygo.Data.Entities;

namespace Zygo.Web.Api;

/// <summary>Body of POST /api/v1/workflows. Unknown members are refused, so a typo is not silently ignored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateWorkflowRequest(string Name, string? Description, string? Slug, JsonElement? Nodes, JsonElement? Edges);

/// <summary>
/// Body of PATCH /api/v1/workflows/{id}: only the members present change. With <c>concurrencyStamp</c> (from the last
/// GET) the change is refused with 409 when someone else saved the workflow in between.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PatchWorkflowRequest(
    string? Name,
    string? Description,
    string? Slug,
    JsonElement? Nodes,
    JsonElement? Edges,
    WorkflowStatus? Status,
    string? ChangeNote,
    Guid? ConcurrencyStamp = null);

/// <summary>Body of POST /api/v1/workflows/{id}/versions/{version}/restore (optional).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RestoreVersionRequest(Guid? ConcurrencyStamp);
