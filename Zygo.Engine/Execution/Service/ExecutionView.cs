using System.Text.Json.Nodes;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Service;

/// <summary>A run as the API returns it (the pinned contract of the execute endpoint).</summary>
public sealed record ExecutionView(
    Guid Id,
    Guid WorkflowId,
    ExecutionStatus Status,
    TriggerSource TriggeredBy,
    JsonNode? Input,
    JsonNode? Output,
    ExecutionErrorView? Error,
    DateTime TriggeredAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    double? DurationMs,
    IReadOnlyList<NodeExecutionView>? NodeExecutions);

public sealed record ExecutionErrorView(string? NodeId, string Message);

public sealed record NodeExecutionView(
    string NodeId,
    string NodeType,
    NodeExecutionStatus Status,
    JsonNode? Input,
    JsonNode? Output,
    string? Error,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    double? DurationMs,
    int Attempts,
    int Sequence,
    string? Path);
