using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Zygo.Data.Entities;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes.Ai;
using Zygo.Engine.Planning;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Planning;

/// <summary>
/// trustLlmThreshold (binding or advisory plans, as the agent's system message shows) and minConfidence (interactive
/// asks to confirm, autonomous proceeds with a warning), each at its boundary, through the real runner.
/// </summary>
public sealed class PlanTrustTests : ScriptedAgentTest
{
    /// <summary>The offline planner's confidence in a goal of several clauses with nothing to ask.</summary>
    private const int OfflineConfidence = 75;

    private const string Goal = "Collect the open invoices, then total them by customer";

    private const string PlanJson = """
        {"goal": "Book a table", "requirements": ["A table for four"], "constraints": [],
         "steps": [{"id": "s1", "description": "Book it", "tool": null, "dependsOn": []}], "clarifyingQuestions": [], "confidence": 90}
        """;

    private static WorkflowGraph Graph(JsonObject plannerConfig, JsonObject agentConfig) => new(
    [
        new GraphNode { Id = "trigger", Type = "trigger", Label = "Chat", Config = new JsonObject { ["triggerMode"] = "chat" } },
        new GraphNode { Id = "planner", Type = "planner", Label = "Planner", Config = plannerConfig },
        new GraphNode { Id = AgentId, Type = "ai_agent", Label = AgentLabel, Config = agentConfig },
    ],
    [Edge("trigger", "planner"), Edge("planner", AgentId)]);

    private static JsonObject Offline(string mode, int minConfidence) => new() { ["executionMode"] = mode, ["minConfidence"] = minConfidence };

    private static JsonObject Chat(string message, params (string Role, string Content)[] history) => new()
    {
        ["message"] = message,
        ["history"] = new JsonArray(history.Select(h => (JsonNode)new JsonObject { ["role"] = h.Role, ["content"] = h.Content }).ToArray()),
    };

    private static JsonObject PlannerOutput(AgentRun run) => run.Result.Nodes.Single(n => n.NodeId == "planner").Output!.AsObject();

    private static NodeExecutionStatus AgentStatus(AgentRun run) => run.Result.Nodes.Single(n => n.NodeId == AgentId).Status;

    private string AgentSystemMessage(int request) => Model.Requests[request].Messages[0]!["content"]!.ToString();

    [Theory]
    [InlineData(89, "binding")]
    [InlineData(90, "binding")]
    [InlineData(91, "advisory")]
    public async Task A_plan_at_or_above_the_trust_threshold_binds_the_agent_and_below_it_advises(int threshold, string authority)
    {
        Model.Enqueue(new ScriptedReply.Text(PlanJson), new ScriptedReply.Text("Booked."));
        var planner = new JsonObject
        {
            ["planner"] = new JsonObject { ["provider"] = "openai_compatible", ["model"] = "planner-model", ["endpoint"] = Model.OpenAiEndpoint },
            ["trustLlmThreshold"] = threshold,
        };

        var run = await Harness.RunAsync(Graph(planner, OpenAiConfig(Model, "conversational")), Chat("Book us a table"));

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        PlannerOutput(run)["planAuthority"]!.GetValue<string>().Should().Be(authority);
        var system = AgentSystemMessage(1);
        system.Should().Contain("s1. Book it");
        if (authority == "binding")
        {
            system.Should().Contain("it is binding: carry out the steps in order").And.NotContain("as advice");
        }
        else
        {
            system.Should().Contain("as advice (its confidence is 90 of 100)").And.Contain("deviate").And.NotContain("binding");
        }
    }

    [Fact]
    public async Task Interactive_below_min_confidence_asks_to_confirm_the_plan_and_stops()
    {
        var run = await Harness.RunAsync(Graph(Offline("interactive", OfflineConfidence + 1), OpenAiConfig(Model, "conversational")), Chat(Goal));

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var question = run.Result.Output!["answer"]!.GetValue<string>();
        question.Should().StartWith(PlanConfirmation.Opening)
            .And.Contain($"My confidence in it is {OfflineConfidence} of 100, below the {OfflineConfidence + 1}")
            .And.Contain("1. Collect the open invoices").And.Contain("2. Total them by customer")
            .And.EndWith("Reply \"yes\" to go ahead, or tell me what to change.");
        run.Result.Output!["awaitingAnswers"]!.GetValue<bool>().Should().BeTrue();
        AgentStatus(run).Should().Be(NodeExecutionStatus.Skipped, "the flow waits for the confirmation");
        Model.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Interactive_at_min_confidence_proceeds_without_asking()
    {
        Model.Enqueue(new ScriptedReply.Text("Done."));

        var run = await Harness.RunAsync(Graph(Offline("interactive", OfflineConfidence), OpenAiConfig(Model, "conversational")), Chat(Goal));

        AgentStatus(run).Should().Be(NodeExecutionStatus.Completed);
        PlannerOutput(run)["awaitingAnswers"]!.GetValue<bool>().Should().BeFalse();
        PlannerOutput(run)["planAuthority"]!.GetValue<string>().Should().Be("advisory", "75 is below the default trust threshold of 80");
    }

    [Fact]
    public async Task Once_confirmed_in_the_conversation_the_plan_runs_and_binds_the_agent()
    {
        var graph = Graph(Offline("interactive", OfflineConfidence + 1), OpenAiConfig(Model, "conversational"));
        var question = (await Harness.RunAsync(graph, Chat(Goal))).Result.Output!["answer"]!.GetValue<string>();
        Model.Enqueue(new ScriptedReply.Text("Totals are ready."));

        var run = await Harness.RunAsync(graph, Chat("Yes, go ahead", ("user", Goal), ("assistant", question)));

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        AgentStatus(run).Should().Be(NodeExecutionStatus.Completed);
        var planner = PlannerOutput(run);
        planner["awaitingAnswers"]!.GetValue<bool>().Should().BeFalse();
        planner["plan"]!["goal"]!.GetValue<string>().Should().Be(Goal, "the confirmed request is planned, not the word yes");
        planner["planAuthority"]!.GetValue<string>().Should().Be("binding", "the person confirmed it");
        AgentSystemMessage(0).Should().Contain("it is binding");
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Totals are ready.");
    }

    [Fact]
    public async Task A_reply_that_is_not_a_yes_corrects_the_plan_which_is_planned_again_with_it()
    {
        var graph = Graph(Offline("interactive", OfflineConfidence + 1), OfflineAgentConfig());
        var question = (await Harness.RunAsync(graph, Chat(Goal))).Result.Output!["answer"]!.GetValue<string>();

        var run = await Harness.RunAsync(graph, Chat("Group them by region too", ("user", Goal), ("assistant", question)));

        var plan = PlannerOutput(run)["plan"]!;
        plan["requirements"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("As answered: Group them by region too");
        plan["confidence"]!.GetValue<int>().Should().BeGreaterThan(OfflineConfidence);
        AgentStatus(run).Should().Be(NodeExecutionStatus.Completed);
    }

    [Theory]
    [InlineData("autonomous")]
    [InlineData("silent")]
    public async Task Other_modes_below_min_confidence_proceed_with_a_logged_warning(string mode)
    {
        var run = await Harness.RunAsync(Graph(Offline(mode, OfflineConfidence + 1), OfflineAgentConfig()), Chat(Goal));

        AgentStatus(run).Should().Be(NodeExecutionStatus.Completed);
        PlannerOutput(run)["awaitingAnswers"]!.GetValue<bool>().Should().BeFalse();
        run.Events.Should().Contain(e => e.NodeId == "planner" && e.Message != null
            && e.Message.Contains($"Warning: the plan's confidence ({OfflineConfidence}) is below {OfflineConfidence + 1}; proceeding unconfirmed"));
    }

    [Fact]
    public async Task At_min_confidence_no_warning_is_logged()
    {
        var run = await Harness.RunAsync(Graph(Offline("autonomous", OfflineConfidence), OfflineAgentConfig()), Chat(Goal));

        run.Events.Should().NotContain(e => e.Message != null && e.Message.Contains("Warning: the plan's confidence"));
    }

    [Fact]
    public void A_later_request_after_the_agent_answered_starts_afresh_rather_than_answering_old_questions()
    {
        List<ChatMessage> conversation =
        [
            new(ChatRole.User, "Plan my trip"),
            new(ChatRole.Assistant, PlanQuestions.Ask(["Where to?"])),
            new(ChatRole.User, "Rome"),
            new(ChatRole.Assistant, "Here is your trip to Rome."),
            new(ChatRole.User, "Now book a hotel"),
        ];

        PlannerDialogue.Find(conversation).Should().BeNull();
        var answered = PlannerDialogue.Find(conversation.Take(3).ToList())!;
        answered.Request.Should().Be("Plan my trip");
        answered.Answers.Should().Equal("Rome");
        answered.Confirmed.Should().BeFalse();
    }

    [Fact]
    public void Questions_then_a_confirmation_keep_the_original_request_and_the_answers()
    {
        var plan = new Plan { Goal = "Plan my trip", Steps = [new PlanStep { Id = "1", Description = "Pick dates" }], Confidence = 50 };
        List<ChatMessage> conversation =
        [
            new(ChatRole.User, "Plan my trip"),
            new(ChatRole.Assistant, PlanQuestions.Ask(["Where to?"])),
            new(ChatRole.User, "Rome"),
            new(ChatRole.Assistant, PlanConfirmation.Ask(plan, 70)),
            new(ChatRole.User, "ok"),
        ];

        var dialogue = PlannerDialogue.Find(conversation)!;

        dialogue.Request.Should().Be("Plan my trip");
        dialogue.Answers.Should().Equal("Rome");
        dialogue.Confirmed.Should().BeTrue();
    }

    [Theory]
    // mode, confidence, minConfidence, trustLlmThreshold → authority, what it asks (null: proceeds), unconfirmed
    [InlineData("autonomous", 80, 70, 80, "Binding", null, false)]
    [InlineData("autonomous", 79, 70, 80, "Advisory", null, false)]
    [InlineData("autonomous", 69, 70, 80, "Advisory", null, true)]
    [InlineData("silent", 69, 70, 80, "Advisory", null, true)]
    [InlineData("interactive", 70, 70, 80, "Advisory", null, false)]
    [InlineData("interactive", 69, 70, 80, "Advisory", "confirm", false)]
    [InlineData("interactive", 85, 90, 80, "Binding", "confirm", false)]
    public void The_gate_decides_by_mode_and_both_thresholds(string mode, int confidence, int min, int trust,
        string authority, string? asks, bool unconfirmed)
    {
        var config = new PlannerConfigData
        {
            ExecutionMode = Enum.Parse<PlannerExecutionMode>(mode, ignoreCase: true), MinConfidence = min, TrustLlmThreshold = trust,
        };
        var plan = new Plan { Goal = "g", Steps = [new PlanStep { Id = "1", Description = "d" }], Confidence = confidence };

        var gate = PlanGate.For(plan, null, config);

        gate.Authority.Should().Be(Enum.Parse<PlanAuthority>(authority));
        (gate.Ask is null ? null : gate.Ask.StartsWith(PlanConfirmation.Opening, StringComparison.Ordinal) ? "confirm" : "questions").Should().Be(asks);
        gate.Unconfirmed.Should().Be(unconfirmed);
    }

    [Fact]
    public void Open_questions_are_asked_before_any_confirmation_and_a_confirmed_plan_binds()
    {
        var config = new PlannerConfigData { ExecutionMode = PlannerExecutionMode.Interactive, MinConfidence = 70, TrustLlmThreshold = 80 };
        var plan = new Plan { Goal = "g", Steps = [new PlanStep { Id = "1", Description = "d" }], ClarifyingQuestions = ["Where?"], Confidence = 30 };

        PlanGate.For(plan, null, config).Ask.Should().StartWith(PlanQuestions.Opening);
        var confirmed = PlanGate.For(plan, new PlannerDialogue("g", [], Confirmed: true), config);
        confirmed.Ask.Should().BeNull();
        confirmed.Authority.Should().Be(PlanAuthority.Binding);
        PlanGate.For(plan, new PlannerDialogue("g", ["Rome"], Confirmed: false), config).Ask.Should().StartWith(PlanConfirmation.Opening,
            "answered questions are not asked again, but the plan is still below minConfidence");
    }

    private static JsonObject OfflineAgentConfig() => new() { ["agentType"] = "conversational", ["enableStreaming"] = false };
}
