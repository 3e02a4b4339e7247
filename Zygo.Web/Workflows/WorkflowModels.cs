using System.Text.Json;
using Zygo.Data.Entities;

namespace Zygo.Web.Workflows;

public sealed record WorkflowQuery(string? Search = null, WorkflowStatus? Status = null, int Limit = 25, int Offset = 0);

public sealed record WorkflowSummary(
    Guid Id,
    string Name,
    string? Description,
    string Slug,
    WorkflowStatus Status,
    int Version,
    int? PublishedVersion,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record WorkflowDetail(
    Guid Id,
    string Name,
    string? Description,
    string Slug,
    WorkflowStatus Status,
    int Version,
    int? PublishedVersion,
    JsonElement Nodes,
    JsonElement Edges,
    Guid CreatedBy,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid ConcurrencyStamp);

/// <summary>A new workflow; a missing slug is derived from the name.</summary>
public sealed record WorkflowDraft(string Name, string? Description = null, string? Slug = null,
    string? NodesJson = null, string? EdgesJson = null);

/// <summary>
/// A partial change: null members stay as they are. With <see cref="ExpectedStamp"/> the change applies only to the
/// workflow as it was when the editor loaded it; a save by someone else in between is a conflict, not an overwrite.
/// </summary>
public sealed record WorkflowChange(string? Name = null, string? Description = null, string? Slug = null,
    string? NodesJson = null, string? EdgesJson = null, WorkflowStatus? Status = null, string? ChangeNote = null,
    Guid? ExpectedStamp = null);

/// <summary>One saved version of a workflow's graph, as the versions drawer lists it.</summary>
public sealed record WorkflowVersionSummary(int Version, string? ChangeNote, string Author, DateTime CreatedAt);

/// <summary>A saved version with its graph.</summary>
public sealed record WorkflowVersionDetail(int Version, string? ChangeNote, string Author, DateTime CreatedAt,
    JsonElement Nodes, JsonElement Edges);
