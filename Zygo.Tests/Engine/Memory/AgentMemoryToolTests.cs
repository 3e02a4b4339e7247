using System.Text.Json.Nodes;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Graph;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Memory;

/// <summary>An AI Agent offers memory_store and memory_search as tools and uses them through the runner.</summary>
public sealed class AgentMemoryToolTests : MemoryFixture
{
    private readonly ScriptedModelServer _model = new();
    private AgentHarness _agent = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _model.InitializeAsync();
        _agent = new AgentHarness(services: s => s.AddZygoData(new DatabaseOptions(), Db.DataPath));
    }

    public override async Task DisposeAsync()
    {
        _agent.Dispose();
        await _model.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_agent_remembers_with_memory_store_and_recalls_with_memory_search()
    {
        GraphNode remember = new()
        {
            Id = "remember", Type = "memory_store", Label = "Remember fact", Description = "Stores a fact about the customer.",
            Config = new JsonObject { ["memoryType"] = "factual", ["autoRedactSecrets"] = true },
        };
        GraphNode recall = new()
        {
            Id = "recall", Type = "memory_search", Label = "Recall facts", Description = "Finds facts remembered earlier.",
            Config = new JsonObject { ["searchType"] = "keyword", ["threshold"] = 0.5 },
        };
        _model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "remember_fact",
                """{"content":"The customer's favourite colour is teal","key":"customer:7:colour","tags":"preferences"}""")),
            new ScriptedReply.ToolCalls(new ToolCall("call_2", "recall_facts", """{"query":"favourite colour"}""")),
            new ScriptedReply.Text("Their favourite colour is teal."));

        var run = await _agent.RunAsync(Graph(OpenAiConfig(_model), [remember, recall]), "Remember and recall", execution: TenantA);

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        _model.Requests[0].Body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>())
            .Should().BeEquivalentTo("remember_fact", "recall_facts");
        run.AgentOutput["unavailableTools"]?.AsArray().Should().BeEmpty();
        var recalled = JsonNode.Parse(_model.Requests[2].Messages.Last()!["content"]!.ToString())!;
        recalled["memories"]!.AsArray().Select(m => m!["key"]!.GetValue<string>()).Should().Equal("customer:7:colour");
        (await RowsAsync("customer:7:colour")).Single().Tags.Should().Be("preferences");
    }
}
