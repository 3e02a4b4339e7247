using System.Text.Json.Nodes;
using Zygo.Engine.Generation;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Generation;

/// <summary>Generation by a model (the scripted server through the real OpenAI client): validation, repair rounds, failures.</summary>
public sealed class ScriptedGenerationTests : IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();
    private readonly GenerationHarness _harness = new();

    public Task InitializeAsync() => _model.InitializeAsync();

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _model.DisposeAsync();
    }

    private Task<GenerationResult> GenerateAsync(string prompt) =>
        _harness.Get<WorkflowGenerator>().GenerateAsync(GenerationHarness.Tenant, prompt, GenerationHarness.Scripted(_model), CancellationToken.None);

    private static JsonObject Node(string id, string type, string label, JsonObject? config = null) =>
        new() { ["id"] = id, ["type"] = type, ["label"] = label, ["description"] = $"{label}.", ["config"] = config ?? [] };

    private static JsonObject Edge(string source, string target, string? handle = null) =>
        new() { ["id"] = $"{source}-{target}", ["source"] = source, ["target"] = target, ["sourceHandle"] = handle };

    private static string Workflow(string name, JsonObject[] nodes, JsonObject[] edges) => new JsonObject
    {
        ["name"] = name,
        ["description"] = $"{name}, as the model designed it.",
        ["nodes"] = new JsonArray(nodes.Select(n => (JsonNode)n).ToArray()),
        ["edges"] = new JsonArray(edges.Select(e => (JsonNode)e).ToArray()),
    }.ToJsonString();

    private static JsonObject Trigger(string mode) => Node("start", "trigger", "Start", new JsonObject { ["triggerMode"] = mode });

    /// <summary>Five different prompts and the workflows the scripted model answers them with.</summary>
    public static TheoryData<string, string> Answers => new()
    {
        {
            "Email me the weather every morning",
            Workflow("Weather mail", [
                Node("start", "trigger", "Every morning", new JsonObject
                {
                    ["triggerMode"] = "schedule",
                    ["scheduleConfig"] = new JsonObject { ["type"] = "cron", ["cronExpression"] = "0 0 7 * * ?" },
                }),
                Node("weather", "http_api", "Get weather", new JsonObject { ["url"] = "https://api.example.com/weather", ["retries"] = 2 }),
                Node("mail", "email", "Mail it", new JsonObject { ["to"] = "me@example.com", ["body"] = "{{nodes.weather.output}}" }),
            ], [Edge("start", "weather"), Edge("weather", "mail")])
        },
        {
            "A support chat agent with an order lookup tool",
            Workflow("Support", [
                Trigger("chat"),
                Node("agent", "ai_agent", "Support agent", new JsonObject { ["agentType"] = "tools", ["maxIterations"] = 6 }),
                Node("orders", "http_api", "Look up order", new JsonObject { ["url"] = "https://shop.example.com/orders/{{input.orderId}}" }),
            ], [Edge("start", "agent"), Edge("agent", "orders")])
        },
        {
            "Route big orders to a manager",
            Workflow("Order routing", [
                Trigger("webhook"),
                Node("check", "conditional", "Big order?", new JsonObject
                {
                    ["conditions"] = new JsonArray(new JsonObject { ["id"] = "big", ["variable"] = "input.total", ["operator"] = "greater_than", ["value"] = "1000" }),
                }),
                Node("manager", "email", "Tell the manager", new JsonObject { ["to"] = "manager@example.com" }),
            ], [Edge("start", "check"), Edge("check", "manager", "true")])
        },
        {
            "Summarise each line of a list",
            Workflow("Line summaries", [
                Trigger("manual"),
                Node("each", "loop", "Each line", new JsonObject { ["loopType"] = "for_each", ["dataSource"] = "{{input.lines}}" }),
                Node("sum", "llm", "Summarise line", new JsonObject { ["userPromptTemplate"] = "Summarise: {{vars.item}}" }),
            ], [Edge("start", "each"), Edge("each", "sum", "body")])
        },
        {
            "Store every note I send",
            Workflow("Notes", [
                Trigger("manual"),
                Node("keep", "memory_store", "Keep note", new JsonObject { ["memoryKey"] = "note", ["content"] = "{{input.note}}", ["mergeStrategy"] = "append" }),
            ], [Edge("start", "keep")])
        },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_valid_answer_is_accepted_laid_out_and_passes_validation(string prompt, string answer)
    {
        _model.Enqueue(new ScriptedReply.Text(answer));

        var result = await GenerateAsync(prompt);

        _harness.Validate(result.Workflow).Should().BeEmpty();
        result.Repairs.Should().Be(0);
        result.Model.IsOffline.Should().BeFalse();
        result.Workflow.Nodes.Should().OnlyContain(n => n.Position != null);
        var request = _model.Requests.Single();
        request.Messages.Last()!["content"]!.ToString().Should().Be(prompt);
        request.Messages[0]!["content"]!.ToString().Should().Contain("http_api").And.Contain("ai_agent", "the model is told the node types");
        request.Body["response_format"]!["type"]!.GetValue<string>().Should().Be("json_object");
    }

    [Fact]
    public async Task An_invalid_answer_gets_the_validation_problems_back_and_the_repaired_one_is_accepted()
    {
        var broken = Workflow("Broken", [
            Node("a", "http_api", "Fetch", new JsonObject { ["bodyType"] = "teleport", ["url"] = "https://x.example.com" }),
            Node("b", "teleport", "Beam"),
        ], [Edge("a", "b"), Edge("a", "ghost")]);
        var fixedAnswer = Workflow("Fixed", [
            Trigger("manual"),
            Node("a", "http_api", "Fetch", new JsonObject { ["method"] = "GET", ["url"] = "https://x.example.com" }),
        ], [Edge("start", "a")]);
        _model.Enqueue(new ScriptedReply.Text("```json\n" + broken + "\n```"), new ScriptedReply.Text(fixedAnswer));

        var result = await GenerateAsync("Fetch x");

        result.Repairs.Should().Be(1);
        result.Workflow.Name.Should().Be("Fixed");
        _harness.Validate(result.Workflow).Should().BeEmpty();
        var repair = _model.Requests[1].Messages.Last()!["content"]!.ToString();
        repair.Should().Contain("unknown node type 'teleport'")
            .And.Contain("no trigger")
            .And.Contain("'ghost'")
            .And.Contain("wrong type or an unknown value in 'bodyType'");
        _model.Requests[1].Messages.Should().HaveCount(4, "the repair request follows the conversation and the broken answer");
    }

    [Fact]
    public async Task An_answer_still_invalid_after_the_repairs_fails_with_the_last_problems()
    {
        _model.Enqueue(new ScriptedReply.Text("not json"), new ScriptedReply.Text("{\"nodes\": []}"),
            new ScriptedReply.Text(Workflow("Empty", [], [])));

        var act = () => GenerateAsync("Anything");

        var failure = (await act.Should().ThrowAsync<GenerationFailedException>()).Which;
        failure.ModelFailed.Should().BeFalse();
        failure.Problems.Should().Contain("no trigger");
        failure.Message.Should().Contain("after 2 repair attempts");
        _model.Requests.Should().HaveCount(1 + GenerationCall.MaxRepairs);
    }

    [Fact]
    public async Task A_model_that_errors_is_a_model_failure()
    {
        _model.Enqueue(new ScriptedReply.Error(401));

        var act = () => GenerateAsync("Anything");

        (await act.Should().ThrowAsync<GenerationFailedException>()).Which.ModelFailed.Should().BeTrue();
    }
}
