using System.Text.Json.Nodes;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Graph;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Rag;

/// <summary>An AI Agent calls rag_context as a tool with a <c>query</c> argument and gets passages and context back.</summary>
public sealed class AgentRagToolTests : RagFixture
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
    public async Task The_agent_searches_the_knowledge_base_with_its_query_argument()
    {
        var faq = await CollectionAsync("support-faq");
        await AddAsync(faq, "Returns policy", "# Returns\nYou can return any item within 30 days for a full refund.");
        await AddAsync(faq, "Shipping", "Orders ship within two business days.");
        GraphNode kb = new()
        {
            Id = "kb", Type = "rag_context", Label = "Search knowledge base", Description = "Finds FAQ passages that answer a question.",
            Config = new JsonObject { ["vectorStoreConfig"] = new JsonObject { ["indexName"] = "support-faq" }, ["topK"] = 3, ["scoreThreshold"] = 0.3 },
        };
        _model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "search_knowledge_base", """{"query":"Can I get a refund?"}""")),
            new ScriptedReply.Text("Yes, within 30 days."));

        var run = await _agent.RunAsync(Graph(OpenAiConfig(_model), [kb]), "Can I get a refund?", execution: TenantA);

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var tool = _model.Requests[0].Body["tools"]!.AsArray().Single()!["function"]!;
        tool["name"]!.GetValue<string>().Should().Be("search_knowledge_base");
        tool["parameters"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("query");
        var observation = JsonNode.Parse(_model.Requests[1].Messages.Last()!["content"]!.ToString())!;
        observation["query"]!.GetValue<string>().Should().Be("Can I get a refund?");
        observation["mode"]!.GetValue<string>().Should().Be("keyword");
        observation["context"]!.GetValue<string>().Should().Be("[1] Returns policy — Returns\nYou can return any item within 30 days for a full refund.");
        run.Result.Nodes.Should().Contain(n => n.NodeId == "kb" && n.Status == NodeExecutionStatus.Completed);
    }
}
