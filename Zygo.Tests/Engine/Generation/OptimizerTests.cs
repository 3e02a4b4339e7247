using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine;
using Zygo.Engine.Generation.Optimization;
using Zygo.Engine.Graph;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Generation;

/// <summary>Optimisation finds the problems seeded into a crafted workflow, filters by focus, and adds a model's suggestions.</summary>
public sealed class OptimizerTests : IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();
    private readonly GenerationHarness _harness = new();

    public Task InitializeAsync() => _model.InitializeAsync();

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _model.DisposeAsync();
    }

    private static GraphNode Node(string id, string type, JsonObject config, string description = "Does its part.") =>
        new() { Id = id, Type = type, Label = id, Description = description, Config = config };

    private static GraphEdge Edge(string source, string target) => new() { Id = $"{source}-{target}", Source = source, Target = target };

    /// <summary>Every problem the static checks know, once each, as stored (JSON text, as the API reads it).</summary>
    public static WorkflowGraph Crafted()
    {
        var graph = Build();
        return WorkflowGraph.Parse(JsonSerializer.Serialize(graph.Nodes, EngineJson.Options), JsonSerializer.Serialize(graph.Edges, EngineJson.Options));
    }

    private static WorkflowGraph Build() => new(
    [
        Node("start", "trigger", new JsonObject { ["triggerMode"] = "manual" }),
        Node("users", "http_api", new JsonObject { ["url"] = "https://a.example.com/users", ["timeout"] = 0 }),
        Node("orders", "http_api", new JsonObject
        {
            ["url"] = "https://a.example.com/orders", ["retries"] = 2,
            ["authentication"] = new JsonObject { ["type"] = "bearer", ["token"] = "sk-live-123" },
        }),
        Node("tidy", "llm", new JsonObject { ["provider"] = "openai", ["model"] = "gpt-4o", ["apiKey"] = "{{OPENAI_KEY}}" }),
        Node("agent", "ai_agent", new JsonObject { ["maxIterations"] = 50 }),
        Node("lookup", "http_api", new JsonObject { ["url"] = "https://a.example.com/{{input.id}}", ["retries"] = 1 }, description: ""),
    ],
    [Edge("start", "users"), Edge("users", "orders"), Edge("orders", "tidy"), Edge("tidy", "agent"), Edge("agent", "lookup")]);

    private Task<OptimizationResult> OptimizeAsync(string? focus, Zygo.Engine.Generation.ModelChoice? choice = null) =>
        _harness.Get<WorkflowOptimizer>().OptimizeAsync(GenerationHarness.Tenant, Crafted(), focus, choice ?? GenerationHarness.Offline,
            CancellationToken.None);

    [Fact]
    public async Task The_static_checks_find_each_seeded_problem_on_its_node()
    {
        var result = await OptimizeAsync(null);

        var found = result.Suggestions.Select(s => (s.NodeId, s.Category)).ToList();
        found.Should().BeEquivalentTo(new (string?, string)[]
        {
            ("users", "reliability"), // no retries
            ("users", "reliability"), // no timeout
            ("orders", "security"), // token typed in
            ("orders", "performance"), // waits for users without using it
            ("tidy", "cost"), // large model for one prompt
            ("agent", "cost"), // 50 iterations
            ("lookup", "reliability"), // tool without a description
        });
        result.Suggestions.Single(s => s.Category == "security").Message.Should().Contain("authentication.token").And.NotContain("sk-live-123");
        result.Suggestions.Single(s => s.NodeId == "agent").Fix!["maxIterations"]!.GetValue<int>().Should().Be(10);
        result.Suggestions[0].Severity.Should().Be("critical", "the worst comes first");
        result.Suggestions.Should().OnlyContain(s => s.Source == Suggestion.StaticSource);
    }

    [Fact]
    public async Task A_focus_keeps_its_category_and_the_security_findings()
    {
        var result = await OptimizeAsync("cost");

        result.Suggestions.Select(s => s.Category).Should().BeEquivalentTo(["cost", "cost", "security"]);
    }

    [Fact]
    public async Task A_configured_model_adds_its_suggestions_after_seeing_the_workflow_and_the_static_findings()
    {
        _model.Enqueue(new ScriptedReply.Text("""
            {"suggestions": [{"nodeId": "tidy", "category": "performance", "severity": "info", "message": "Cache the tidy step."},
                             {"nodeId": "nowhere", "category": "cost", "severity": "warning", "message": "Batch the calls."}]}
            """));

        var result = await OptimizeAsync(null, GenerationHarness.Scripted(_model));

        var fromModel = result.Suggestions.Where(s => s.Source == Suggestion.ModelSource).ToList();
        fromModel.Select(s => (s.NodeId, s.Message)).Should().BeEquivalentTo(new (string?, string)[]
        {
            ("tidy", "Cache the tidy step."),
            (null, "Batch the calls."), // a node id the workflow does not have is dropped
        });
        var request = _model.Requests.Single();
        request.Messages[0]!["content"]!.ToString().Should().Contain("without retries");
        request.Messages[1]!["content"]!.ToString().Should().Contain("https://a.example.com/users");
    }
}
