using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Service;
using Zygo.Web.Components.Editor.Canvas;

namespace Zygo.Web.Components.Editor.Run;

/// <summary>
/// One run as the editor shows it: built live from engine events, then replaced by the run's record when it ends,
/// or read from the record of a past run. It also works out what the canvas should show per node, and which of that
/// changed since the canvas was last told, so that a batch of events becomes one small canvas update.
/// </summary>
public sealed class RunState
{
    private readonly List<RunNode> _nodes = [];
    private readonly IReadOnlyCollection<string> _graphNodes;
    private Dictionary<string, CanvasRunStatus> _shown = new(StringComparer.Ordinal);

    private RunState(Guid executionId, IReadOnlyCollection<string> graphNodes)
    {
        ExecutionId = executionId;
        _graphNodes = graphNodes;
    }

    public Guid ExecutionId { get; }
    public ExecutionStatus Status { get; private set; } = ExecutionStatus.Running;
    public bool Live { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public double? DurationMs { get; private set; }
    public JsonNode? Output { get; private set; }
    public ExecutionErrorView? Error { get; private set; }
    public TriggerSource? TriggeredBy { get; private set; }
    public IReadOnlyList<RunNode> Nodes => _nodes;

    public bool Ended => Status is not (ExecutionStatus.Running or ExecutionStatus.Pending);

    /// <summary>A run that has just started: every node of the graph is queued.</summary>
    public static RunState Started(Guid executionId, IReadOnlyCollection<string> graphNodes, DateTime startedAt) =>
        new(executionId, graphNodes) { Live = true, StartedAt = startedAt };

    /// <summary>A past run, from its record.</summary>
    public static RunState Recorded(ExecutionView view, IReadOnlyCollection<string> graphNodes)
    {
        var state = new RunState(view.Id, graphNodes);
        state.Finish(view);
        return state;
    }

    /// <summary>Applies one engine event of this run (node started, completed, failed, skipped, agent step, finished).</summary>
    public void Apply(ExecutionEvent e)
    {
        switch (e.Kind)
        {
            case ExecutionEventKind.NodeStarted when e.NodeId is not null:
                _nodes.Add(new RunNode
                {
                    NodeId = e.NodeId, NodeType = e.NodeType ?? "", Status = NodeExecutionStatus.Running, StartedAt = e.At,
                    Sequence = _nodes.Count + 1,
                });
                break;
            case ExecutionEventKind.NodeCompleted or ExecutionEventKind.NodeFailed when e.NodeId is not null:
                var node = Open(e.NodeId);
                if (node is not null)
                {
                    node.Status = e.NodeStatus ?? (e.Kind == ExecutionEventKind.NodeFailed ? NodeExecutionStatus.Failed : NodeExecutionStatus.Completed);
                    node.Output = e.Output;
                    node.Error = e.Error;
                    node.DurationMs = e.DurationMs;
                }

                break;
            case ExecutionEventKind.NodeSkipped when e.NodeId is not null:
                _nodes.Add(new RunNode
                {
                    NodeId = e.NodeId, NodeType = e.NodeType ?? "", Status = NodeExecutionStatus.Skipped, Sequence = _nodes.Count + 1,
                });
                break;
            case ExecutionEventKind.AgentStep when e.NodeId is not null && e.Output is JsonObject step:
                Open(e.NodeId)?.Steps.Add(step);
                break;
            case ExecutionEventKind.ExecutionFinished:
                Status = e.ExecutionStatus ?? Status;
                DurationMs = e.DurationMs;
                Output = e.Output;
                break;
        }
    }

    /// <summary>Replaces what the events said with the run's record (inputs, attempts, exact order and paths).</summary>
    public void Finish(ExecutionView view)
    {
        var liveSteps = _nodes.Where(n => n.Steps.Count > 0).GroupBy(n => n.NodeId).ToDictionary(g => g.Key, g => g.Last().Steps);
        _nodes.Clear();
        foreach (var n in view.NodeExecutions ?? [])
        {
            var node = new RunNode
            {
                NodeId = n.NodeId, NodeType = n.NodeType, Status = n.Status, Input = n.Input, Output = n.Output, Error = n.Error,
                StartedAt = n.StartedAt, DurationMs = n.DurationMs, Attempts = n.Attempts, Sequence = n.Sequence, Path = n.Path,
                InputKnown = true,
            };
            if (n.Output?["steps"] is JsonArray steps)
            {
                node.Steps.AddRange(steps.OfType<JsonObject>());
            }
            else if (liveSteps.Remove(n.NodeId, out var live))
            {
                node.Steps.AddRange(live);
            }

            _nodes.Add(node);
        }

        Live = false;
        Status = view.Status;
        StartedAt = view.StartedAt ?? view.TriggeredAt;
        DurationMs = view.DurationMs;
        Output = view.Output;
        Error = view.Error;
        TriggeredBy = view.TriggeredBy;
    }

    /// <summary>The statuses the canvas does not show yet; the first call covers every node of the graph.</summary>
    public IReadOnlyDictionary<string, CanvasRunStatus> TakeCanvasChanges()
    {
        var now = CanvasStatuses();
        var changed = now.Where(kv => !_shown.TryGetValue(kv.Key, out var old) || old != kv.Value)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        _shown = now;
        return changed;
    }

    /// <summary>Per node: running while any of its executions runs, else failed if one failed, else its latest state.</summary>
    private Dictionary<string, CanvasRunStatus> CanvasStatuses()
    {
        var result = new Dictionary<string, CanvasRunStatus>(StringComparer.Ordinal);
        foreach (var id in _graphNodes)
        {
            // Nodes that never ran: waiting while the run goes on, nothing to show once it has ended.
            result[id] = Live ? CanvasRunStatus.Queued : CanvasRunStatus.Cleared;
        }

        foreach (var group in _nodes.GroupBy(n => n.NodeId))
        {
            var runs = group.ToList();
            var shown = runs.FirstOrDefault(n => n.Status == NodeExecutionStatus.Running && Live)
                        ?? runs.FirstOrDefault(n => n.Status == NodeExecutionStatus.Failed)
                        ?? runs[^1];
            var state = shown.Status == NodeExecutionStatus.Running && !Live ? "cancelled" : StateName(shown.Status);
            var duration = runs.Any(n => n.DurationMs is not null) ? Math.Round(runs.Sum(n => n.DurationMs ?? 0), 1) : (double?)null;
            result[group.Key] = new CanvasRunStatus(state, duration, runs.Count(n => n.Status != NodeExecutionStatus.Skipped), shown.Error);
        }

        return result;
    }

    private RunNode? Open(string nodeId) =>
        _nodes.FirstOrDefault(n => n.NodeId == nodeId && n.Status == NodeExecutionStatus.Running)
        ?? _nodes.LastOrDefault(n => n.NodeId == nodeId);

    public static string StateName(NodeExecutionStatus status) => status switch
    {
        NodeExecutionStatus.Pending => "queued",
        _ => status.ToString().ToLowerInvariant(),
    };
}
