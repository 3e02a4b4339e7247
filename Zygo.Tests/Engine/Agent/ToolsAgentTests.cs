using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Agent;

/// <summary>A tools agent driving the real OpenAI client against the scripted server, with real nodes as tools.</summary>
public sealed class ToolsAgentTests : ScriptedAgentTest
{
    private static IEnumerable<Zygo.Engine.Graph.GraphNode> Arithmetic() =>
    [
        CodeTool("add", "Add numbers", "Adds a and b.", "return { sum: input.a + input.b };"),
        CodeTool("mul", "Multiply numbers", "Multiplies a and b.", "return { product: input.a * input.b };"),
        DelayTool("wait-a", "Wait A", 0.4),
        DelayTool("wait-b", "Wait B", 0.4),
    ];

    [Fact]
    public async Task Calls_two_tools_in_sequence_then_a_pair_in_parallel_and_answers()
    {
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a":2,"b":3}""")) { PromptTokens = 101, CompletionTokens = 11 },
            new ScriptedReply.ToolCalls(new ToolCall("call_2", "multiply_numbers", """{"a":5,"b":4}""")) { PromptTokens = 102, CompletionTokens = 12 },
            new ScriptedReply.ToolCalls(new ToolCall("call_3", "wait_a", "{}"), new ToolCall("call_4", "wait_b", "{}")) { PromptTokens = 103, CompletionTokens = 13 },
            new ScriptedReply.Text("The answer is 20.", 104, 14));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), Arithmetic()), new JsonObject { ["message"] = "What is (2+3)*4?" });

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var output = run.AgentOutput;
        output["answer"]!.GetValue<string>().Should().Be("The answer is 20.");
        output["status"]!.GetValue<string>().Should().Be("completed");
        output["offline"]!.GetValue<bool>().Should().BeFalse();
        output["iterations"]!.GetValue<int>().Should().Be(4);
        output["toolCalls"]!.GetValue<int>().Should().Be(4);
        output["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(101 + 102 + 103 + 104);
        output["usage"]!["outputTokens"]!.GetValue<long>().Should().Be(11 + 12 + 13 + 14);

        // What the model was offered: every wired node, named from its label, described by its description.
        var requests = Model.Requests;
        requests.Should().HaveCount(4);
        var offered = requests[0].Body["tools"]!.AsArray().Select(t => t!["function"]!).ToList();
        offered.Select(f => f["name"]!.GetValue<string>()).Should().Equal("add_numbers", "multiply_numbers", "wait_a", "wait_b");
        offered[0]["description"]!.GetValue<string>().Should().Be("Adds a and b.");
        requests[0].Messages[0]!["content"]!.ToString().Should().Contain("You are a test agent.");

        // Each tool's result went back to the model before its next turn.
        ToolMessages(requests[1]).Should().ContainSingle().Which.Should().Be(("call_1", """{"sum":5}"""));
        ToolMessages(requests[2]).Last().Should().Be(("call_2", """{"product":20}"""));
        ToolMessages(requests[3]).Select(m => m.CallId).Should().Contain(["call_3", "call_4"]);

        // The tool nodes are recorded under the agent, one path per call.
        var records = run.Result.Nodes;
        records.Single(r => r.NodeId == "add").Path.Should().Be("Agent[1 add_numbers]");
        records.Single(r => r.NodeId == "mul").Path.Should().Be("Agent[2 multiply_numbers]");
        records.Single(r => r.NodeId == "mul").Input!["a"]!.GetValue<int>().Should().Be(5);

        // The pair asked for in one turn ran at the same time.
        var a = records.Single(r => r.NodeId == "wait-a");
        var b = records.Single(r => r.NodeId == "wait-b");
        a.StartedAt.Should().BeBefore(b.CompletedAt!.Value);
        b.StartedAt.Should().BeBefore(a.CompletedAt!.Value);
    }

    [Fact]
    public async Task The_steps_let_a_reader_reconstruct_every_model_call_and_tool_call()
    {
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a":1,"b":2}""")) { PromptTokens = 50, CompletionTokens = 6 },
            new ScriptedReply.Text("It is 3.", 60, 4));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), Arithmetic()), new JsonObject { ["message"] = "1+2?" });

        run.Steps.Select(s => s!["type"]!.GetValue<string>()).Should().Equal("model", "tool", "model", "final");
        var firstModel = run.StepsOf("model").First();
        firstModel["tokensIn"]!.GetValue<long>().Should().Be(50);
        firstModel["tokensOut"]!.GetValue<long>().Should().Be(6);
        firstModel["toolCalls"]![0]!["name"]!.GetValue<string>().Should().Be("add_numbers");
        firstModel["latencyMs"]!.GetValue<double>().Should().BeGreaterThan(0);
        var tool = run.StepsOf("tool").Single();
        tool["tool"]!.GetValue<string>().Should().Be("add_numbers");
        tool["nodeId"]!.GetValue<string>().Should().Be("add");
        JsonNode.DeepEquals(tool["arguments"], JsonNode.Parse("""{"a":1,"b":2}""")).Should().BeTrue();
        JsonNode.DeepEquals(tool["result"], JsonNode.Parse("""{"sum":3}""")).Should().BeTrue();
        tool["outcome"]!.GetValue<string>().Should().Be("ok");
        run.StepsOf("final").Single()["answer"]!.GetValue<string>().Should().Be("It is 3.");

        // The same steps were published live, in order.
        var published = run.Events.Where(e => e.Kind == Zygo.Engine.Execution.Events.ExecutionEventKind.AgentStep).Select(e => e.Output!["type"]!.GetValue<string>());
        published.Should().Equal("model", "tool", "model", "final");
        run.Events.Should().NotContain(e => e.Kind == Zygo.Engine.Execution.Events.ExecutionEventKind.Token, "streaming is off");
        Model.Requests.Should().OnlyContain(r => !r.Streamed);
    }

    [Fact]
    public async Task Without_intermediate_steps_the_output_has_the_answer_but_not_the_steps()
    {
        var config = OpenAiConfig(Model);
        config["returnIntermediateSteps"] = false;
        Model.Enqueue(new ScriptedReply.Text("Just the answer."));

        var run = await Harness.RunAsync(Graph(config, Arithmetic()), "Hi");

        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Just the answer.");
        run.AgentOutput.ContainsKey("steps").Should().BeFalse();
        run.Events.Should().Contain(e => e.Kind == Zygo.Engine.Execution.Events.ExecutionEventKind.AgentStep, "steps are still published live");
    }

    [Fact]
    public async Task A_tool_that_throws_is_an_error_observation_the_model_reacts_to()
    {
        var failing = CodeTool("boom", "Check stock", "Checks the stock.", "throw new Error('warehouse offline');");
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "check_stock", "{}")),
            new ScriptedReply.Text("The stock service is down, sorry."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), [failing]), "Is it in stock?");

        run.Result.Status.Should().Be(ExecutionStatus.Completed);
        var observation = ToolMessages(Model.Requests[1]).Single().Content;
        observation.Should().StartWith("Error:").And.Contain("warehouse offline");
        run.StepsOf("tool").Single()["outcome"]!.GetValue<string>().Should().Be("error");
        var record = run.Result.Nodes.Single(r => r.NodeId == "boom");
        record.Status.Should().Be(NodeExecutionStatus.Failed);
        record.Path.Should().Be("Agent[1 check_stock]");
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("The stock service is down, sorry.");
    }

    [Fact]
    public async Task An_unknown_tool_is_an_error_observation_naming_the_real_tools()
    {
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "launch_rocket", "{}")),
            new ScriptedReply.Text("I cannot do that."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), Arithmetic()), "Launch!");

        run.Result.Status.Should().Be(ExecutionStatus.Completed);
        var observation = ToolMessages(Model.Requests[1]).Single().Content;
        observation.Should().Contain("no tool named 'launch_rocket'").And.Contain("add_numbers");
        run.StepsOf("tool").Single()["outcome"]!.GetValue<string>().Should().Be("unknown_tool");
    }

    [Fact]
    public async Task Malformed_tool_call_arguments_are_an_error_observation()
    {
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a": 2, "b": """)),
            new ScriptedReply.Text("Sorry."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), Arithmetic()), "2+?");

        run.Result.Status.Should().Be(ExecutionStatus.Completed);
        ToolMessages(Model.Requests[1]).Single().Content.Should().Contain("not valid JSON");
        run.StepsOf("tool").Single()["outcome"]!.GetValue<string>().Should().Be("invalid_arguments");
        run.Result.Nodes.Should().NotContain(r => r.NodeId == "add", "a call with unreadable arguments never runs the node");
    }

    [Fact]
    public async Task A_call_missing_a_required_argument_is_an_error_observation_and_runs_nothing()
    {
        var summarise = new Zygo.Engine.Graph.GraphNode
        {
            Id = "sum-up",
            Type = "llm",
            Label = "Summarise",
            Description = "Summarises a text.",
            Config = new JsonObject { ["provider"] = "offline" },
        };
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "summarise", "{}")),
            new ScriptedReply.Text("I forgot the text."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), [summarise]), "Summarise this");

        ToolMessages(Model.Requests[1]).Single().Content.Should().Be("Error: missing required argument(s): prompt.");
        run.StepsOf("tool").Single()["outcome"]!.GetValue<string>().Should().Be("invalid_arguments");
        run.Result.Nodes.Should().NotContain(r => r.NodeId == "sum-up");
    }

    [Fact]
    public async Task The_iteration_limit_ends_the_run_in_a_clear_final_state()
    {
        var config = OpenAiConfig(Model);
        config["maxIterations"] = 2;
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a":1,"b":1}""")),
            new ScriptedReply.ToolCalls(new ToolCall("call_2", "add_numbers", """{"a":2,"b":2}""")),
            new ScriptedReply.Text("never asked for"));

        var run = await Harness.RunAsync(Graph(config, Arithmetic()), "Keep adding");

        run.Result.Status.Should().Be(ExecutionStatus.Completed);
        Model.Requests.Should().HaveCount(2);
        var output = run.AgentOutput;
        output["status"]!.GetValue<string>().Should().Be("iteration_limit");
        output["answer"]!.GetValue<string>().Should().Contain("iteration limit (2)");
        run.StepsOf("final").Single()["status"]!.GetValue<string>().Should().Be("iteration_limit");
    }

    private static List<(string CallId, string Content)> ToolMessages(ReceivedRequest request) =>
        request.Messages.OfType<JsonObject>().Where(m => m["role"]!.GetValue<string>() == "tool")
            .Select(m => (m["tool_call_id"]!.GetValue<string>(), m["content"]!.ToString())).ToList();
}
