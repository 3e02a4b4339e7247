using System.Text.Json.Nodes;
using Zygo.Engine.Generation;
using Zygo.Engine.Nodes;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Generation;

/// <summary>A node's config from a description: offline by defaults and keywords, or by a model with repair; always binding.</summary>
public sealed class NodeConfigGenerationTests : IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();
    private readonly GenerationHarness _harness = new();

    public Task InitializeAsync() => _model.InitializeAsync();

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _model.DisposeAsync();
    }

    private async Task<NodeConfigResult> GenerateAsync(string type, string description, ModelChoice choice)
    {
        var nodeType = _harness.Get<NodeTypeRegistry>().Find(type)!;
        var result = await _harness.Get<NodeConfigGenerator>().GenerateAsync(GenerationHarness.Tenant, nodeType, description, choice, CancellationToken.None);
        NodeConfigCheck.Problem(nodeType, result.Config, type).Should().BeNull("the config must bind to the type's config record");
        return result;
    }

    public static TheoryData<string, string, string, string> OfflineCases => new()
    {
        { "http_api", "POST the order to https://shop.example.com/api/orders with retries", "url", "https://shop.example.com/api/orders" },
        { "http_api", "POST the order to https://shop.example.com/api/orders with retries", "method", "POST" },
        { "http_api", "POST the order to https://shop.example.com/api/orders with retries", "errorHandling", "retry" },
        { "email", "Tell ops@example.com that the backup finished", "to", "ops@example.com" },
        { "delay", "Wait 5 minutes before the reminder", "unit", "minutes" },
        { "code", "A python script that adds the totals", "language", "python" },
        { "llm", "Classify the ticket and answer in JSON", "outputFormat", "json" },
        { "trigger", "Run every 2 hours", "triggerMode", "schedule" },
    };

    [Theory]
    [MemberData(nameof(OfflineCases))]
    public async Task Offline_the_description_fills_the_fields_it_names(string type, string description, string field, string expected)
    {
        var result = await GenerateAsync(type, description, GenerationHarness.Offline);

        result.Model.IsOffline.Should().BeTrue();
        result.Config[field]!.ToString().Should().Be(expected);
    }

    [Fact]
    public async Task Offline_fields_the_description_does_not_name_keep_their_defaults()
    {
        var result = await GenerateAsync("delay", "Wait 5 minutes before the reminder", GenerationHarness.Offline);

        result.Config["duration"]!.GetValue<int>().Should().Be(5);
        result.Config.Should().ContainKey("until", "the defaults of the type are the starting point");
    }

    [Fact]
    public async Task A_model_config_that_does_not_bind_is_repaired()
    {
        _model.Enqueue(new ScriptedReply.Text("{\"bodyType\": \"teleport\", \"url\": \"https://a.example.com\"}"),
            new ScriptedReply.Text("{\"method\": \"PUT\", \"url\": \"https://a.example.com\", \"retries\": 2}"));

        var result = await GenerateAsync("http_api", "Put the record to a.example.com", GenerationHarness.Scripted(_model));

        result.Repairs.Should().Be(1);
        result.Config["method"]!.GetValue<string>().Should().Be("PUT");
        _model.Requests[0].Messages[0]!["content"]!.ToString().Should().Contain("\"retries\"", "the model is given the type's JSON schema");
        _model.Requests[1].Messages.Last()!["content"]!.ToString().Should().Contain("unknown value in 'bodyType'");
    }
}
