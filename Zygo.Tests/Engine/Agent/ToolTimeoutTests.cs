using Zygo.Data.Entities;
using Zygo.Tests.Engine.Llm;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Agent;

/// <summary>A tool over the agent's toolTimeout is stopped, not waited for (a wall-clock bound, so run apart).</summary>
[Collection(TimingCollection.Name)]
public sealed class ToolTimeoutTests : ScriptedAgentTest
{
    [Fact]
    public async Task A_tool_over_its_timeout_is_stopped_and_reported_to_the_model()
    {
        var config = OpenAiConfig(Model);
        config["toolTimeout"] = 300;
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "slow_lookup", "{}")),
            new ScriptedReply.Text("The lookup took too long."));

        var started = DateTime.UtcNow;
        var run = await Harness.RunAsync(Graph(config, [DelayTool("slow", "Slow lookup", 30)]), "Look it up");

        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(10), "the 30 s tool is stopped after 300 ms");
        run.Result.Status.Should().Be(ExecutionStatus.Completed);
        var observation = Model.Requests[1].Messages.Last()!["content"]!.ToString();
        observation.Should().Contain("did not finish within 300 ms");
        run.StepsOf("tool").Single()["outcome"]!.GetValue<string>().Should().Be("timeout");
        run.Result.Nodes.Single(r => r.NodeId == "slow").Status.Should().Be(NodeExecutionStatus.Cancelled);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("The lookup took too long.");
    }

    [Fact]
    public async Task Cancelling_the_run_stops_an_agent_waiting_for_its_model_within_a_second()
    {
        Model.Enqueue(new ScriptedReply.Text("far too late") { Delay = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource();

        var running = Harness.RunAsync(Graph(OpenAiConfig(Model), []), "Hello", cts.Token);
        await Task.Delay(300);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cts.CancelAsync();
        var run = await running;

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        run.Result.Status.Should().Be(ExecutionStatus.Cancelled);
        run.Result.Nodes.Single(n => n.NodeId == AgentId).Status.Should().Be(NodeExecutionStatus.Cancelled);
    }
}
