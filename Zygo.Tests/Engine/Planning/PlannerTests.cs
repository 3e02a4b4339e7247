using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Graph;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Planning;

/// <summary>
/// The Planner through the real runner: trigger → planner → agent. Structured plans from the scripted model (with
/// repair) and offline; the plan in the agent's context; interactive mode asking, stopping, and proceeding once answered.
/// </summary>
public sealed class PlannerTests : ScriptedAgentTest
{
    private const string PlanJson = """
        {"goal": "Book a table for four on Friday", "requirements": ["A table for four"], "constraints": ["Friday evening only"],
         "steps": [{"id": "s1", "description": "Find restaurants with space on Friday", "tool": "search", "dependsOn": []},
                   {"id": "s2", "description": "Book the best one", "tool": null, "dependsOn": ["s1"]}],
         "clarifyingQuestions": [], "confidence": 90}
        """;

    private JsonObject ScriptedPlanner(string mode = "autonomous") => new()
    {
        ["planner"] = new JsonObject
        {
            ["provider"] = "openai_compatible", ["model"] = "planner-model", ["endpoint"] = Model.OpenAiEndpoint,
        },
        ["executionMode"] = mode,
    };

    private static JsonObject OfflinePlanner(string mode) => new() { ["executionMode"] = mode };

    private static WorkflowGraph Graph(JsonObject plannerConfig, JsonObject agentConfig) => new(
    [
        new GraphNode { Id = "trigger", Type = "trigger", Label = "Chat", Config = new JsonObject { ["triggerMode"] = "chat" } },
        new GraphNode { Id = "planner", Type = "planner", Label = "Planner", Config = plannerConfig },
        new GraphNode { Id = AgentHarness.AgentId, Type = "ai_agent", Label = AgentHarness.AgentLabel, Config = agentConfig },
    ],
    [AgentHarness.Edge("trigger", "planner"), AgentHarness.Edge("planner", AgentHarness.AgentId)]);

    private static JsonObject OfflineAgent() => new() { ["agentType"] = "conversational", ["enableStreaming"] = false };

    private static JsonObject Chat(string message, params (string Role, string Content)[] history) => new()
    {
        ["message"] = message,
        ["sessionId"] = "session-1",
        ["history"] = new JsonArray(history.Select(h => (JsonNode)new JsonObject { ["role"] = h.Role, ["content"] = h.Content }).ToArray()),
    };

    private static JsonObject OutputOf(AgentRun run, string nodeId) => run.Result.Nodes.Single(n => n.NodeId == nodeId).Output!.AsObject();

    [Fact]
    public async Task An_autonomous_plan_from_the_model_enters_the_agents_context()
    {
        Model.Enqueue(new ScriptedReply.Text(PlanJson), new ScriptedReply.Text("Booked."));
        var agent = AgentHarness.OpenAiConfig(Model, "conversational");

        var run = await Harness.RunAsync(Graph(ScriptedPlanner(), agent), Chat("Book us a table on Friday"));

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var plan = OutputOf(run, "planner")["plan"]!;
        plan["steps"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Should().Equal("s1", "s2");
        plan["confidence"]!.GetValue<int>().Should().Be(90);
        OutputOf(run, "planner")["awaitingAnswers"]!.GetValue<bool>().Should().BeFalse();

        var plannerRequest = Model.Requests[0];
        plannerRequest.Body["response_format"]!["type"]!.GetValue<string>().Should().Be("json_object");
        plannerRequest.Messages.Last()!["content"]!.ToString().Should().Be("Book us a table on Friday");

        var agentRequest = Model.Requests[1];
        var system = agentRequest.Messages[0]!["content"]!.ToString();
        system.Should().StartWith("You are a test agent.")
            .And.Contain("Goal: Book a table for four on Friday")
            .And.Contain("s1. Find restaurants with space on Friday (tool: search)")
            .And.Contain("s2. Book the best one (after s1)")
            .And.Contain("Friday evening only");
        agentRequest.Messages.Last()!["content"]!.ToString().Should().Be("Book us a table on Friday", "the agent still answers the user's message");
        agentRequest.Body["tools"].Should().BeNull("a planner leading into the agent is not one of its tools");
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Booked.");
    }

    [Fact]
    public async Task A_plan_that_breaks_the_contract_is_repaired_once()
    {
        Model.Enqueue(new ScriptedReply.Text("""{"goal": "Book", "steps": [{"id": "s1", "description": "Book", "dependsOn": ["s0"]}], "confidence": 150}"""),
            new ScriptedReply.Text(PlanJson), new ScriptedReply.Text("Done."));

        var run = await Harness.RunAsync(Graph(ScriptedPlanner(), AgentHarness.OpenAiConfig(Model, "conversational")), Chat("Book"));

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var repair = Model.Requests[1].Messages.Last()!["content"]!.ToString();
        repair.Should().Contain("depends on 's0'").And.Contain("between 0 and 100").And.Contain("at least 1 requirement");
        OutputOf(run, "planner")["plan"]!["goal"]!.GetValue<string>().Should().Be("Book a table for four on Friday");
    }

    [Fact]
    public async Task Offline_the_plan_follows_the_goals_clauses_in_order()
    {
        var goal = "Collect the open invoices, then total them by customer. The report must list overdue ones. Use only the finance API";

        var run = await Harness.RunAsync(Graph(OfflinePlanner("autonomous"), OfflineAgent()), Chat(goal));

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var output = OutputOf(run, "planner");
        output["offline"]!.GetValue<bool>().Should().BeTrue();
        var steps = output["plan"]!["steps"]!.AsArray();
        steps.Select(s => s!["description"]!.GetValue<string>()).Should().Equal(
            "Collect the open invoices", "Total them by customer", "The report must list overdue ones", "Use only the finance API");
        steps[3]!["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Equal("3");
        output["plan"]!["requirements"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("The report must list overdue ones");
        output["plan"]!["constraints"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("Use only the finance API");
        output["plan"]!["clarifyingQuestions"]!.AsArray().Should().BeEmpty();
        run.Result.Nodes.Single(n => n.NodeId == AgentHarness.AgentId).Status.Should().Be(NodeExecutionStatus.Completed);
    }

    [Fact]
    public async Task Interactive_mode_asks_its_questions_and_stops_then_proceeds_when_the_next_turn_answers_them()
    {
        var graph = Graph(OfflinePlanner("interactive"), OfflineAgent());

        var first = await Harness.RunAsync(graph, Chat("Plan my trip"));

        first.Result.Status.Should().Be(ExecutionStatus.Completed, first.Result.Error?.Message);
        var question = first.Result.Output!["answer"]!.GetValue<string>();
        question.Should().StartWith("Before I start, I need to know:").And.Contain("1. ").And.Contain("3. ");
        first.Result.Output!["awaitingAnswers"]!.GetValue<bool>().Should().BeTrue();
        first.Result.Nodes.Single(n => n.NodeId == AgentHarness.AgentId).Status.Should().Be(NodeExecutionStatus.Skipped,
            "the flow waits for the answers");

        var second = await Harness.RunAsync(graph, Chat("Rome, in May, for two", ("user", "Plan my trip"), ("assistant", question)));

        second.Result.Status.Should().Be(ExecutionStatus.Completed, second.Result.Error?.Message);
        var planner = OutputOf(second, "planner");
        planner["awaitingAnswers"]!.GetValue<bool>().Should().BeFalse();
        planner["plan"]!["goal"]!.GetValue<string>().Should().Be("Plan my trip", "the answers complete the original request");
        planner["plan"]!["requirements"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("As answered: Rome, in May, for two");
        second.Result.Nodes.Single(n => n.NodeId == AgentHarness.AgentId).Status.Should().Be(NodeExecutionStatus.Completed);
        second.Result.Output!["answer"]!.GetValue<string>().Should().NotStartWith("Before I start");
    }

    [Fact]
    public async Task Interactive_with_the_model_stops_on_its_questions_and_does_not_ask_again_once_answered()
    {
        var asking = PlanJson.Replace("\"clarifyingQuestions\": []", "\"clarifyingQuestions\": [\"Which restaurant?\"]", StringComparison.Ordinal);
        Model.Enqueue(new ScriptedReply.Text(asking));
        var graph = Graph(ScriptedPlanner("interactive"), AgentHarness.OpenAiConfig(Model, "conversational"));

        var first = await Harness.RunAsync(graph, Chat("Book us a table"));

        first.Result.Output!["answer"]!.GetValue<string>().Should().Contain("1. Which restaurant?");
        Model.Requests.Should().HaveCount(1, "the agent does not run while the planner waits");

        // The model asks again in other words; the answer is in the conversation, so the flow proceeds.
        Model.Enqueue(new ScriptedReply.Text(asking.Replace("Which restaurant?", "Where?", StringComparison.Ordinal)), new ScriptedReply.Text("Booked at Luigi's."));
        var second = await Harness.RunAsync(graph, Chat("Luigi's", ("user", "Book us a table"), ("assistant", first.Result.Output!["answer"]!.GetValue<string>())));

        second.Result.Output!["answer"]!.GetValue<string>().Should().Be("Booked at Luigi's.");
        Model.Requests[1].Messages.Select(m => m!["content"]!.ToString()).Should().Contain("Luigi's", "the planner sees the answer");
    }
}
