using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Agent;

/// <summary>ReAct and conversational agents, and streaming, against the scripted server through the OpenAI client.</summary>
public sealed class AgentTypeTests : ScriptedAgentTest
{
    private static readonly Zygo.Engine.Graph.GraphNode Adder =
        CodeTool("add", "Add numbers", "Adds a and b.", "return { sum: input.a + input.b };");

    [Fact]
    public async Task A_react_agent_works_through_thought_action_and_observation_text()
    {
        Model.Enqueue(
            new ScriptedReply.Text("Thought: I should add them.\nAction: add_numbers\nAction Input: {\"a\": 2, \"b\": 3}"),
            new ScriptedReply.Text("Thought: I know the answer\nFinal Answer: 2 + 3 = 5"));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model, "react"), [Adder]), "What is 2 + 3?");

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("2 + 3 = 5");
        var first = Model.Requests[0];
        first.Body.ContainsKey("tools").Should().BeFalse("a ReAct agent describes its tools in text");
        first.Messages[0]!["content"]!.ToString().Should().Contain("Action Input").And.Contain("add_numbers");
        var observation = Model.Requests[1].Messages.Last()!;
        observation["role"]!.GetValue<string>().Should().Be("user");
        observation["content"]!.ToString().Should().Be("""Observation: {"sum":5}""");
        run.StepsOf("thought").First()["text"]!.GetValue<string>().Should().Be("I should add them.");
        run.StepsOf("tool").Single()["tool"]!.GetValue<string>().Should().Be("add_numbers");
        run.Result.Nodes.Single(r => r.NodeId == "add").Path.Should().Be("Agent[1 add_numbers]");
    }

    [Fact]
    public async Task A_react_agent_naming_a_tool_that_does_not_exist_reads_an_error_observation()
    {
        Model.Enqueue(
            new ScriptedReply.Text("Thought: hmm\nAction: subtract\nAction Input: {}"),
            new ScriptedReply.Text("Final Answer: I cannot."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model, "react"), [Adder]), "5 - 3?");

        Model.Requests[1].Messages.Last()!["content"]!.ToString().Should().StartWith("Observation: Error: there is no tool named 'subtract'");
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("I cannot.");
    }

    [Fact]
    public async Task A_react_agent_on_the_offline_model_uses_its_native_tool_calls()
    {
        var config = new JsonObject { ["provider"] = "offline", ["agentType"] = "react", ["enableStreaming"] = false };
        var weather = CodeTool("weather", "Weather forecast", "Gives the weather forecast.", "return { forecast: 'sunny' };");

        var run = await Harness.RunAsync(Graph(config, [weather]), "What is the weather forecast?");

        run.AgentOutput["answer"]!.GetValue<string>().Should().StartWith("[offline model]").And.Contain("sunny");
        run.StepsOf("tool").Single()["tool"]!.GetValue<string>().Should().Be("weather_forecast");
        Model.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_conversational_agent_only_converses_and_continues_the_history()
    {
        Model.Enqueue(new ScriptedReply.Text("Nice to meet you again, Ada."));
        var input = new JsonObject
        {
            ["message"] = "Do you remember me?",
            ["history"] = new JsonArray(
                new JsonObject { ["role"] = "user", ["content"] = "I am Ada." },
                new JsonObject { ["role"] = "assistant", ["content"] = "Hello Ada!" }),
        };

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model, "conversational"), [Adder]), input);

        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Nice to meet you again, Ada.");
        var request = Model.Requests.Single();
        request.Body.ContainsKey("tools").Should().BeFalse();
        request.Messages.Select(m => m!["content"]!.ToString()).Should().Equal(
            "You are a test agent.", "I am Ada.", "Hello Ada!", "Do you remember me?");
        run.Result.Nodes.Should().NotContain(r => r.NodeId == "add");
    }

    [Fact]
    public async Task Streaming_publishes_the_tokens_in_order_and_keeps_the_usage()
    {
        const string answer = "Streaming works one word at a time, in order.";
        Model.Enqueue(new ScriptedReply.Text(answer, 21, 9));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model, "tools", streaming: true), [Adder]), "Stream please");

        Model.Requests.Single().Streamed.Should().BeTrue();
        var tokens = run.Events.Where(e => e.Kind == ExecutionEventKind.Token).Select(e => e.Message!).ToList();
        tokens.Should().HaveCount(ScriptedModelServer.Pieces(answer).Count());
        string.Concat(tokens).Should().Be(answer);
        run.Events.Where(e => e.Kind == ExecutionEventKind.Token).Should().AllSatisfy(e => e.NodeId.Should().Be(AgentId));
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be(answer);
        run.AgentOutput["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(21);
        run.AgentOutput["usage"]!["outputTokens"]!.GetValue<long>().Should().Be(9);
    }

    [Fact]
    public async Task Streaming_carries_tool_calls_too()
    {
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a":4,"b":4}""")),
            new ScriptedReply.Text("Eight."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model, "tools", streaming: true), [Adder]), "4+4");

        run.StepsOf("tool").Single()["result"]!["sum"]!.GetValue<double>().Should().Be(8);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Eight.");
    }

    [Fact]
    public async Task Agent_steps_are_published_with_the_agent_node_and_the_run()
    {
        Model.Enqueue(new ScriptedReply.Text("Hi."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), [Adder]), "Hello");

        var steps = run.Events.Where(e => e.Kind == ExecutionEventKind.AgentStep).ToList();
        steps.Should().HaveCount(2);
        steps.Should().AllSatisfy(e =>
        {
            e.NodeId.Should().Be(AgentId);
            e.ExecutionId.Should().NotBeEmpty();
        });
    }
}
