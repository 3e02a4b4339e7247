using System.Text.Json.Nodes;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Events;

/// <summary>One step of a run as the UI and streaming clients see it, in the order it happened.</summary>
public sealed record ExecutionEvent(
    ExecutionEventKind Kind,
    Guid TenantId,
    Guid WorkflowId,
    Guid ExecutionId,
    DateTime At)
{
    public string? NodeId { get; init; }
    public string? NodeType { get; init; }
    public NodeExecutionStatus? NodeStatus { get; init; }
    public ExecutionStatus? ExecutionStatus { get; init; }
    public JsonNode? Output { get; init; }
    public string? Error { get; init; }
    public string? Message { get; init; }
    public double? DurationMs { get; init; }
}
