using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Agent;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;
using AiMessage = Microsoft.Extensions.AI.ChatMessage;
using AiRole = Microsoft.Extensions.AI.ChatRole;

namespace Zygo.Tests.Chat;

/// <summary>The agent's conversation memory: a session's history reaches the model, windowed by tokens.</summary>
public sealed class ConversationMemoryTests : ScriptedAgentTest
{
    [Theory]
    [InlineData("tools")]
    [InlineData("react")]
    [InlineData("conversational")]
    public async Task Earlier_turns_reach_the_model_for_every_agent_type(string agentType)
    {
        Model.Enqueue(new ScriptedReply.Text("Final Answer: Your name is Ada."));
        var input = new JsonObject
        {
            ["message"] = "What is my name?",
            ["sessionId"] = Guid.NewGuid().ToString(),
            ["history"] = new JsonArray(
                new JsonObject { ["role"] = "user", ["content"] = "My name is Ada." },
                new JsonObject { ["role"] = "assistant", ["content"] = "Hello Ada!" }),
        };
        var adder = CodeTool("add", "Add numbers", "Adds a and b.", "return { sum: input.a + input.b };");

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model, agentType), [adder]), input);

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var messages = Model.Requests.Single().Messages;
        messages[0]!["role"]!.GetValue<string>().Should().Be("system");
        messages.Skip(1).Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.ToString())).Should().Equal(
            ("user", "My name is Ada."), ("assistant", "Hello Ada!"), ("user", "What is my name?"));
    }

    [Fact]
    public async Task A_long_history_is_cut_to_its_newest_turns_and_the_system_prompt_stays()
    {
        Model.Enqueue(new ScriptedReply.Text("Noted."));
        // 40 turns of ~250 estimated tokens each: far more than the default budget of 4,000.
        var turns = Enumerable.Range(1, 40).Select(i => (JsonNode)new JsonObject
        {
            ["role"] = i % 2 == 1 ? "user" : "assistant",
            ["content"] = $"turn {i:00} " + new string('x', 1000),
        }).ToArray();
        var input = new JsonObject { ["message"] = "And now?", ["history"] = new JsonArray(turns) };

        await Harness.RunAsync(Graph(OpenAiConfig(Model, "conversational"), []), input);

        var contents = Model.Requests.Single().Messages.Select(m => m!["content"]!.ToString()).ToList();
        contents[0].Should().Be("You are a test agent.");
        contents[^1].Should().Be("And now?");
        var kept = contents.Skip(1).SkipLast(1).ToList();
        kept.Should().NotBeEmpty().And.HaveCountLessThan(40);
        kept[^1].Should().StartWith("turn 40", "the newest turns are the ones kept");
        kept.Select(c => int.Parse(c[5..7])).Should().BeInAscendingOrder("the kept turns stay oldest first");
        kept.Sum(ConversationWindow.EstimateTokens).Should().BeLessThanOrEqualTo(ConversationWindow.DefaultBudget);
    }

    [Fact]
    public void The_window_keeps_every_turn_that_fits_and_drops_the_oldest_that_do_not()
    {
        AiMessage[] history =
        [
            new(AiRole.User, new string('a', 400)),      // 104 estimated tokens
            new(AiRole.Assistant, new string('b', 400)), // 104
            new(AiRole.User, new string('c', 400)),      // 104
        ];

        ConversationWindow.Newest(history, "", "", budget: 1000).Should().Equal(history);
        // 8 tokens for the empty system prompt and message leave 210: two turns of 104 fit, three do not.
        ConversationWindow.Newest(history, "", "", budget: 218).Should().Equal(history[1], history[2]);
        ConversationWindow.Newest(history, "", "", budget: 10).Should().BeEmpty();
    }
}
