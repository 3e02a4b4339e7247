using System.Text.Json.Nodes;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Recording;

/// <summary>One node's step in a run while it is being recorded.</summary>
public sealed class NodeRecord
{
    public Guid Id { get; } = Guid.NewGuid();
    public required string NodeId { get; init; }
    public required string NodeType { get; init; }
    public required string Label { get; init; }
    public int Sequence { get; init; }

    /// <summary>Where in the run: empty at the top level, e.g. <c>loop-1[3]</c> inside an iteration.</summary>
    public string? Path { get; init; }

    public NodeExecutionStatus Status { get; set; } = NodeExecutionStatus.Pending;
    public JsonNode? Input { get; set; }
    public JsonNode? Output { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public double? DurationMs => StartedAt is { } s && CompletedAt is { } c ? (c - s).TotalMilliseconds : null;
}
