using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Recording;

namespace Zygo.Engine.Execution;

/// <summary>How a run ended: its status, output or error, and every node step in start order.</summary>
public sealed record RunResult(
    ExecutionStatus Status,
    JsonNode? Output,
    RunError? Error,
    DateTime StartedAt,
    DateTime CompletedAt,
    IReadOnlyList<NodeRecord> Nodes)
{
    public double DurationMs => (CompletedAt - StartedAt).TotalMilliseconds;
}

public sealed record RunError(string? NodeId, string Message);
