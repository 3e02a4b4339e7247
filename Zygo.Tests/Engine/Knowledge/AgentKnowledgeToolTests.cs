using System.Text.Json.Nodes;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Graph;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Knowledge;

/// <summary>
/// End to end through the runner: an AI Agent remembers a note (memory_store extracts its entities), records a fact with
/// entity_query, and asks knowledge_graph how the entities are connected.
/// </summary>
public sealed class AgentKnowledgeToolTests : KnowledgeFixture
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
    public async Task Entities_a_memory_store_extracts_are_found_by_knowledge_graph_in_the_same_run()
    {
        GraphNode remember = new()
        {
            Id = "remember", Type = "memory_store", Label = "Remember note", Description = "Stores a note and extracts its entities.",
            Config = new JsonObject { ["autoExtractEntities"] = true, ["extractionMethod"] = "regex" },
        };
        GraphNode entities = new()
        {
            Id = "entities", Type = "entity_query", Label = "Entities", Description = "Creates, updates, finds and deletes entities.",
            Config = new JsonObject(),
        };
        GraphNode graph = new()
        {
            Id = "graph", Type = "knowledge_graph", Label = "Graph", Description = "Answers how entities are related.",
            Config = new JsonObject(),
        };
        _model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "remember_note",
                """{"content":"Ada Lovelace emailed ada@example.com about ORD-10442.","key":"note:ada"}""")),
            new ScriptedReply.ToolCalls(new ToolCall("call_2", "entities",
                """{"operation":"create","name":"Ada Lovelace","type":"person","relation":"works_for","target":"Analytical Society","targetType":"organization"}""")),
            new ScriptedReply.ToolCalls(new ToolCall("call_3", "graph",
                """{"operation":"paths","entity":"ORD-10442","target":"Analytical Society","depth":3}""")),
            new ScriptedReply.Text("ORD-10442 is linked to the Analytical Society through Ada Lovelace."));

        var run = await _agent.RunAsync(Graph(OpenAiConfig(_model), [remember, entities, graph]), "What links the order to a society?", execution: TenantA);

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var answer = JsonNode.Parse(_model.Requests[3].Messages.Last()!["content"]!.ToString())!;
        answer["paths"]![0]!["text"]!.GetValue<string>().Should().Be("ORD-10442 -[mentioned_with]-> Ada Lovelace -[works_for]-> Analytical Society");
        answer["summary"]!.GetValue<string>().Should().StartWith("3 path(s) from ORD-10442 to Analytical Society, shortest first:", "the two longer ones go through the email and the memory");
        run.Result.Nodes.Select(n => n.NodeId).Should().Contain(["remember", "entities", "graph"]);
    }
}
