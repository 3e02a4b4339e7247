using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Graph;
using Zygo.Tests.Engine.Http;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;
using static Zygo.Tests.Engine.Flow.ConditionRows;

namespace Zygo.Tests.Engine.Agent;

/// <summary>A tool is a node and the flow hanging off it: the agent gets the flow's result, the records keep every step.</summary>
public sealed class ToolFlowTests : ScriptedAgentTest
{
    private readonly HttpTestServer _api = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _api.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_http_tool_with_a_filter_after_it_returns_the_filtered_result_and_records_both_under_the_agent()
    {
        var fetch = new GraphNode
        {
            Id = "fetch",
            Type = "http_api",
            Label = "Fetch products",
            Description = "Lists the products of the catalogue.",
            Config = new JsonObject { ["method"] = "GET", ["url"] = _api.BaseUrl, ["timeout"] = 10 },
        };
        var keep = new GraphNode
        {
            Id = "keep",
            Type = "filter",
            Label = "Only beta",
            Config = new JsonObject
            {
                ["items"] = "data.data.items",
                ["conditions"] = new JsonArray(Row("beta", "name", "equals", "beta")),
            },
        };
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "fetch_products", """{"path":"/json"}""")),
            new ScriptedReply.Text("Only beta is left."));

        var graph = Graph(OpenAiConfig(Model), [fetch], Edge("fetch", "keep"));
        var run = await Harness.RunAsync(new WorkflowGraph([.. graph.Nodes, keep], graph.Edges), "Which products?");

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        // The model offered only the node wired to the agent; the filter is part of that tool's flow.
        Model.Requests[0].Body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).Should().Equal("fetch_products");
        var observationText = Model.Requests[1].Messages.Last()!["content"]!.ToString();
        observationText.Should().NotStartWith("Error");
        var observation = JsonNode.Parse(observationText)!;
        observation["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Should().Equal("beta");
        observation["removed"]!.GetValue<int>().Should().Be(1);

        var records = run.Result.Nodes;
        var http = records.Single(r => r.NodeId == "fetch");
        var filter = records.Single(r => r.NodeId == "keep");
        http.Path.Should().Be("Agent[1 fetch_products]");
        filter.Path.Should().Be("Agent[1 fetch_products]");
        http.Status.Should().Be(NodeExecutionStatus.Completed);
        filter.Status.Should().Be(NodeExecutionStatus.Completed);
        http.Output!["status"]!.GetValue<int>().Should().Be(200);
        http.Sequence.Should().BeLessThan(filter.Sequence);
        records.Select(r => r.NodeId).Should().Equal("trigger", AgentId, "fetch", "keep");
    }

    [Fact]
    public async Task Inside_a_tool_call_input_templates_reach_the_arguments_theModel_passed()
    {
        var lookup = new GraphNode
        {
            Id = "lookup",
            Type = "http_api",
            Label = "Look up order",
            Description = "Gets an order by its number.",
            Config = new JsonObject { ["method"] = "GET", ["url"] = _api.BaseUrl + "/echo/orders/{{input.orderId}}", ["timeout"] = 10 },
        };
        Model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "look_up_order", """{"orderId":"A-42"}""")),
            new ScriptedReply.Text("Found it."));

        var run = await Harness.RunAsync(Graph(OpenAiConfig(Model), [lookup]), "Where is order A-42?");

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        var parameters = Model.Requests[0].Body["tools"]![0]!["function"]!["parameters"]!["properties"]!.AsObject();
        parameters.Select(p => p.Key).Should().Contain(["path", "query", "orderId"], "the config's {{input.orderId}} becomes an argument");
        Model.Requests[1].Messages.Last()!["content"]!.ToString().Should().Contain("/echo/orders/A-42");
    }
}
