using System.Text.Json.Nodes;
using Zygo.Data.Entities;

namespace Zygo.Web.Components.Editor.Run;

/// <summary>One node execution in the panel's timeline (a node in a loop or called as a tool has several).</summary>
public sealed class RunNode
{
    public required string NodeId { get; init; }
    public required string NodeType { get; init; }
    public NodeExecutionStatus Status { get; set; }
    public JsonNode? Input { get; set; }
    public JsonNode? Output { get; set; }
    public string? Error { get; set; }
    public DateTime? StartedAt { get; set; }
    public double? DurationMs { get; set; }
    public int Attempts { get; set; }
    public int Sequence { get; set; }

    /// <summary>Where it ran: a loop iteration or an agent's tool call (e.g. <c>Support agent[search_kb]</c>).</summary>
    public string? Path { get; set; }

    /// <summary>An AI Agent's steps (model calls, tool calls, final answer), live from events or from its recorded output.</summary>
    public List<JsonObject> Steps { get; } = [];

    /// <summary>Whether the input has been recorded yet: events do not carry it, the run's record does.</summary>
    public bool InputKnown { get; set; }
}
