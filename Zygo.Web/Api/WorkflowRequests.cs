using System.Text.Json;
using System.Text.Json.Serialization;
using Zygo.Data.Entities;

namespace Zygo.Web.Api;

/// <summary>Body of POST /api/v1/workflows. Unknown members are refused, so a typo is not silently ignored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateWorkflowRequest(string Name, string? Description, string? Slug, JsonElement? Nodes, JsonElement? Edges);

/// <summary>Body of PATCH /api/v1/workflows/{id}: only the members present change.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PatchWorkflowRequest(
    string? Name,
    string? Description,
    string? Slug,
    JsonElement? Nodes,
    JsonElement? Edges,
    WorkflowStatus? Status,
    string? ChangeNote);
