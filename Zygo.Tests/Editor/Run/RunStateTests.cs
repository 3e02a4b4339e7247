using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Service;
using Zygo.Web.Components.Editor.Canvas;
using Zygo.Web.Components.Editor.Run;

namespace Zygo.Tests.Editor.Run;

public sealed class RunStateTests
{
    private static readonly Guid ExecutionId = Guid.NewGuid();
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Graph = ["t", "a", "b", "tool"];

    private static ExecutionEvent Node(ExecutionEventKind kind, string id, NodeExecutionStatus? status = null, double? ms = null, string? error = null) =>
        new(kind, Guid.Empty, Guid.Empty, ExecutionId, T0) { NodeId = id, NodeType = "code", NodeStatus = status, DurationMs = ms, Error = error };

    [Fact]
    public void A_new_run_queues_every_node_and_then_sends_only_what_changed()
    {
        var state = RunState.Started(ExecutionId, Graph, T0);

        state.TakeCanvasChanges().Should().HaveCount(4).And.OnlyContain(kv => kv.Value == CanvasRunStatus.Queued);

        state.Apply(Node(ExecutionEventKind.NodeStarted, "t"));
        state.Apply(Node(ExecutionEventKind.NodeCompleted, "t", NodeExecutionStatus.Completed, 1.26));
        state.Apply(Node(ExecutionEventKind.NodeStarted, "a"));
        var changes = state.TakeCanvasChanges();

        changes.Keys.Should().BeEquivalentTo("t", "a");
        changes["t"].Should().Be(new CanvasRunStatus("completed", 1.3, 1));
        changes["a"].State.Should().Be("running");
        state.TakeCanvasChanges().Should().BeEmpty("nothing changed since the last batch");
    }

    [Fact]
    public void A_failed_node_carries_its_error_and_a_node_that_ran_several_times_sums_its_runs()
    {
        var state = RunState.Started(ExecutionId, Graph, T0);
        foreach (var ms in new[] { 2.0, 3.0 })
        {
            state.Apply(Node(ExecutionEventKind.NodeStarted, "a"));
            state.Apply(Node(ExecutionEventKind.NodeCompleted, "a", NodeExecutionStatus.Completed, ms));
        }

        state.Apply(Node(ExecutionEventKind.NodeStarted, "b"));
        state.Apply(Node(ExecutionEventKind.NodeFailed, "b", NodeExecutionStatus.Failed, 4, "boom"));
        var changes = state.TakeCanvasChanges();

        changes["a"].Should().Be(new CanvasRunStatus("completed", 5, 2));
        changes["b"].Should().Be(new CanvasRunStatus("failed", 4, 1, "boom"));
    }

    [Fact]
    public void Agent_steps_go_to_the_running_agent_and_the_record_replaces_the_live_entries_at_the_end()
    {
        var state = RunState.Started(ExecutionId, Graph, T0);
        state.Apply(Node(ExecutionEventKind.NodeStarted, "a") with { NodeType = "ai_agent" });
        state.Apply(new ExecutionEvent(ExecutionEventKind.AgentStep, Guid.Empty, Guid.Empty, ExecutionId, T0)
            { NodeId = "a", Output = new JsonObject { ["type"] = "model" } });
        state.Nodes.Single().Steps.Should().ContainSingle();

        state.Finish(new ExecutionView(ExecutionId, Guid.NewGuid(), ExecutionStatus.Cancelled, TriggerSource.User, null, null, null, T0, T0, T0,
            10, [
                new NodeExecutionView("a", "ai_agent", NodeExecutionStatus.Completed, new JsonObject { ["message"] = "hi" }, new JsonObject(),
                    null, T0, T0, 5, 1, 1, null),
                new NodeExecutionView("tool", "code", NodeExecutionStatus.Cancelled, null, null, null, T0, T0, 1, 1, 2, "Agent[1 tool]"),
            ]));

        state.Live.Should().BeFalse();
        state.Nodes.Should().HaveCount(2);
        state.Nodes[0].InputKnown.Should().BeTrue();
        state.Nodes[0].Steps.Should().ContainSingle("the live steps stay when the output does not carry them");
        var canvas = state.TakeCanvasChanges();
        canvas["tool"].State.Should().Be("cancelled");
        canvas["b"].Should().Be(CanvasRunStatus.Cleared, "a node that never ran shows nothing once the run is over");
    }
}
