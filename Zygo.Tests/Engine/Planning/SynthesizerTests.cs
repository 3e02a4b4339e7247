using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Graph;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Planning;

/// <summary>
/// A Planner's synthesizer through the real runner: trigger → planner → agent (with a code tool). The scripted server
/// plays both the agent's model and the synthesizer; the offline synthesizer needs neither.
/// </summary>
public sealed class SynthesizerTests : ScriptedAgentTest
{
    private const string Goal = "Find order 12345 and tell me when it arrives";

    private JsonObject ScriptedSynthesizer(string key = "sk-synth-secret") => new()
    {
        ["enabled"] = true, ["provider"] = "openai", ["model"] = "synth-model", ["endpoint"] = Model.OpenAiEndpoint, ["apiKey"] = key,
    };

    private static WorkflowGraph Graph(JsonObject? synthesizer, JsonObject agentConfig)
    {
        var planner = new JsonObject { ["executionMode"] = "autonomous" };
        if (synthesizer is not null)
        {
            planner["synthesizer"] = synthesizer.DeepClone();
        }

        return new WorkflowGraph(
        [
            new GraphNode { Id = "trigger", Type = "trigger", Label = "Chat", Config = new JsonObject { ["triggerMode"] = "chat" } },
            new GraphNode { Id = "planner", Type = "planner", Label = "Planner", Config = planner },
            new GraphNode { Id = AgentId, Type = "ai_agent", Label = AgentLabel, Config = agentConfig },
            CodeTool("orders", "Look up order", "Finds an order by its id.", "return { orderId: input.orderId, eta: 'Tuesday' };"),
        ],
        [Edge("trigger", "planner"), Edge("planner", AgentId), Edge(AgentId, "orders")]);
    }

    private void ScriptAgent() => Model.Enqueue(
        new ScriptedReply.ToolCalls(new ToolCall("call_1", "look_up_order", """{"orderId":"12345"}""")),
        new ScriptedReply.Text("Draft: it comes Tuesday."));

    private static JsonObject OfflineAgent() => new() { ["agentType"] = "tools", ["enableStreaming"] = false };

    [Fact]
    public async Task The_synthesizer_gets_the_plan_the_results_and_the_draft_and_its_reply_is_the_answer()
    {
        ScriptAgent();
        Model.Enqueue(new ScriptedReply.Text("Order 12345 arrives on Tuesday.", PromptTokens: 321, CompletionTokens: 9));

        var run = await Harness.RunAsync(Graph(ScriptedSynthesizer(), OpenAiConfig(Model)), new JsonObject { ["message"] = Goal });

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var synthesis = Model.Requests[2];
        synthesis.Body["model"]!.GetValue<string>().Should().Be("synth-model");
        synthesis.Authorization.Should().Be("Bearer sk-synth-secret");
        synthesis.Body["tools"].Should().BeNull("the synthesizer only writes");
        var prompt = synthesis.Messages.Last()!["content"]!.ToString();
        prompt.Should().Contain($"Request: {Goal}")
            .And.Contain("Goal: Find order 12345 and tell me when it arrives")
            .And.Contain("""1. look_up_order {"orderId":"12345"} → ok: {"orderId":"12345","eta":"Tuesday"}""")
            .And.Contain("Draft answer:\nDraft: it comes Tuesday.");

        var output = run.AgentOutput;
        output["answer"]!.GetValue<string>().Should().Be("Order 12345 arrives on Tuesday.");
        output["draftAnswer"]!.GetValue<string>().Should().Be("Draft: it comes Tuesday.");
        run.Steps.Select(s => s!["type"]!.GetValue<string>()).Should().Equal("model", "tool", "model", "synthesis", "final");
        var step = run.StepsOf("synthesis").Single();
        step["nodeId"]!.GetValue<string>().Should().Be("planner");
        step["model"]!.GetValue<string>().Should().Be("synth-model");
        step["outcome"]!.GetValue<string>().Should().Be("ok");
        step["tokensIn"]!.GetValue<long>().Should().Be(321);
        step["tokensOut"]!.GetValue<long>().Should().Be(9);
        step["latencyMs"]!.GetValue<double>().Should().BeGreaterThan(0);
        run.StepsOf("final").Single()["answer"]!.GetValue<string>().Should().Be("Order 12345 arrives on Tuesday.");
        run.Events.Should().Contain(e => e.Kind == ExecutionEventKind.AgentStep && e.Output!["type"]!.GetValue<string>() == "synthesis",
            "the synthesis is streamed like the other steps");

        var planner = run.Result.Nodes.Single(n => n.NodeId == "planner").Output!;
        planner["synthesizer"]!["nodeId"]!.GetValue<string>().Should().Be("planner");
        var records = string.Join('\n', run.Result.Nodes.Select(n => $"{n.Input?.ToJsonString()} {n.Output?.ToJsonString()} {n.Error}"));
        records.Should().NotContain("sk-synth-secret", "only a reference to the planner travels");
        run.Events.Should().NotContain(e => (e.Message ?? "").Contains("sk-synth-secret") || (e.Output ?? "").ToJsonString().Contains("sk-synth-secret"));
    }

    [Fact]
    public async Task With_streaming_on_only_the_synthesized_answer_streams()
    {
        var agent = OpenAiConfig(Model, streaming: true);
        ScriptAgent();
        Model.Enqueue(new ScriptedReply.Text("Order 12345 arrives on Tuesday."));

        var run = await Harness.RunAsync(Graph(ScriptedSynthesizer(), agent), new JsonObject { ["message"] = Goal });

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        Model.Requests[2].Streamed.Should().BeTrue();
        string.Concat(run.Events.Where(e => e.Kind == ExecutionEventKind.Token).Select(e => e.Message))
            .Should().Be("Order 12345 arrives on Tuesday.", "the draft is not streamed when a synthesizer rewrites it");
    }

    [Fact]
    public async Task A_synthesizer_rejecting_its_key_leaves_the_draft_as_the_answer_with_a_failed_step()
    {
        ScriptAgent();
        Model.Enqueue(new ScriptedReply.Error(401));

        var run = await Harness.RunAsync(Graph(ScriptedSynthesizer(), OpenAiConfig(Model)), new JsonObject { ["message"] = Goal });

        ShouldKeepTheDraft(run, "OpenAI rejected the API key (401)");
        Model.Requests.Should().HaveCount(3, "a rejected key is not retried");
    }

    [Fact]
    public async Task A_synthesizer_that_times_out_after_its_retries_leaves_the_draft_as_the_answer()
    {
        // Long enough for the agent's own calls on a busy machine, far shorter than the synthesizer's silence.
        using var harness = new AgentHarness(o => (o.RequestTimeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(1500), 1));
        ScriptAgent();
        var silent = new ScriptedReply.Text("too late") { Delay = TimeSpan.FromSeconds(10) };
        Model.Enqueue(silent, silent);

        var run = await harness.RunAsync(Graph(ScriptedSynthesizer(), OpenAiConfig(Model)), new JsonObject { ["message"] = Goal });

        ShouldKeepTheDraft(run, "OpenAI did not answer in time after 1 retry");
        Model.Requests.Should().HaveCount(4);
    }

    private static void ShouldKeepTheDraft(AgentRun run, string error)
    {
        run.Result.Status.Should().Be(ExecutionStatus.Completed, "the synthesizer failing does not fail the run");
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Draft: it comes Tuesday.");
        run.AgentOutput["draftAnswer"]!.GetValue<string>().Should().Be("Draft: it comes Tuesday.");
        var step = run.StepsOf("synthesis").Single();
        step["outcome"]!.GetValue<string>().Should().Be("error");
        step["error"]!.GetValue<string>().Should().Contain(error).And.NotContain("sk-synth-secret");
        step["text"].Should().BeNull();
        run.Events.Should().Contain(e => e.Message != null && e.Message.Contains("The synthesizer of 'Planner' failed"));
    }

    [Fact]
    public async Task The_offline_synthesizer_appends_a_labelled_summary_of_the_steps_the_same_every_time()
    {
        var synthesizer = new JsonObject { ["enabled"] = true };

        var first = await Harness.RunAsync(Graph(synthesizer, OfflineAgent()), new JsonObject { ["message"] = Goal });
        var second = await Harness.RunAsync(Graph(synthesizer, OfflineAgent()), new JsonObject { ["message"] = Goal });

        first.Result.Status.Should().Be(ExecutionStatus.Completed, first.Result.Error?.Message);
        var answer = first.AgentOutput["answer"]!.GetValue<string>();
        var draft = first.AgentOutput["draftAnswer"]!.GetValue<string>();
        answer.Should().StartWith(draft).And.Contain("Steps done (offline synthesizer):\n1. look_up_order").And.Contain("→ ok:");
        second.AgentOutput["answer"]!.GetValue<string>().Should().Be(answer);
        var step = first.StepsOf("synthesis").Single();
        step["offline"]!.GetValue<bool>().Should().BeTrue();
        step["tokensIn"].Should().BeNull();
        Model.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_an_enabled_synthesizer_the_agents_answer_is_unchanged()
    {
        ScriptAgent();
        var disabled = ScriptedSynthesizer();
        disabled["enabled"] = false;

        var run = await Harness.RunAsync(Graph(disabled, OpenAiConfig(Model)), new JsonObject { ["message"] = Goal });

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Draft: it comes Tuesday.");
        run.AgentOutput.ContainsKey("draftAnswer").Should().BeFalse();
        run.StepsOf("synthesis").Should().BeEmpty();
        Model.Requests.Should().HaveCount(2);
        run.Result.Nodes.Single(n => n.NodeId == "planner").Output!.AsObject().ContainsKey("synthesizer").Should().BeFalse();
    }

    [Fact]
    public async Task A_plan_naming_a_node_that_is_not_a_planner_gets_no_synthesis_and_says_why()
    {
        Model.Enqueue(new ScriptedReply.Text("Plain answer."));
        var graph = AgentHarness.Graph(OpenAiConfig(Model, "conversational"), []);
        var input = new JsonObject
        {
            ["message"] = "Hi",
            ["plan"] = new JsonObject { ["goal"] = "Greet", ["steps"] = new JsonArray(new JsonObject { ["id"] = "1", ["description"] = "Greet" }) },
            ["synthesizer"] = new JsonObject { ["nodeId"] = "trigger" },
        };

        var run = await Harness.RunAsync(graph, input);

        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Plain answer.");
        Model.Requests.Should().ContainSingle();
        run.Events.Should().Contain(e => e.Message != null && e.Message.Contains("node 'trigger', which is not a Planner"));
    }
}
