using System.Diagnostics;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Engine.Agent.AgentHarness;

namespace Zygo.Tests.Engine.Agent;

/// <summary>What provider errors do to an agent: 429 and timeouts are retried, 401 fails clearly, no key means offline.</summary>
public sealed class ProviderFailureTests : IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();

    public Task InitializeAsync() => _model.InitializeAsync();

    public Task DisposeAsync() => _model.DisposeAsync();

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_delay_then_succeeds()
    {
        using var harness = new AgentHarness();
        _model.Enqueue(new ScriptedReply.Error(429, RetryAfter: "1"), new ScriptedReply.Text("Made it."));

        var clock = Stopwatch.StartNew();
        var run = await harness.RunAsync(Graph(OpenAiConfig(_model), []), "Hello");

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Made it.");
        _model.Requests.Should().HaveCount(2);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "Retry-After: 1 is honoured");
        run.Events.Should().Contain(e => e.Message != null && e.Message.Contains("429") && e.Message.Contains("retry 1"));
    }

    [Fact]
    public async Task Repeated_429s_end_in_a_failure_saying_the_provider_limits_requests()
    {
        using var harness = new AgentHarness(o => o.MaxRetries = 1);
        _model.Enqueue(new ScriptedReply.Error(429, RetryAfter: "0"), new ScriptedReply.Error(429, RetryAfter: "0"));

        var run = await harness.RunAsync(Graph(OpenAiConfig(_model), []), "Hello");

        run.Result.Status.Should().Be(ExecutionStatus.Failed);
        run.Result.Error!.Message.Should().Contain("OpenAI is limiting requests (429)").And.Contain("after 1 retry");
        _model.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_limit_fails_at_once_instead_of_holding_the_run()
    {
        using var harness = new AgentHarness(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        _model.Enqueue(new ScriptedReply.Error(429, RetryAfter: "3600"), new ScriptedReply.Text("not reached"));

        var clock = Stopwatch.StartNew();
        var run = await harness.RunAsync(Graph(OpenAiConfig(_model), []), "Hello");

        run.Result.Status.Should().Be(ExecutionStatus.Failed);
        run.Result.Error!.Message.Should().Contain("OpenAI is limiting requests (429)");
        _model.Requests.Should().ContainSingle();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_401_fails_at_once_naming_the_provider_and_never_echoes_the_key()
    {
        using var harness = new AgentHarness();
        _model.Enqueue(new ScriptedReply.Error(401), new ScriptedReply.Text("not reached"));

        var run = await harness.RunAsync(Graph(OpenAiConfig(_model), []), "Hello");

        run.Result.Status.Should().Be(ExecutionStatus.Failed);
        run.Result.Error!.Message.Should().Contain("OpenAI rejected the API key (401)");
        run.Result.Error.Message.Should().NotContain("sk-test-key");
        _model.Requests.Should().ContainSingle("a rejected key is not retried");
        _model.Requests[0].Authorization.Should().Be("Bearer sk-test-key");
        var agent = run.Result.Nodes.Single(n => n.NodeId == AgentId);
        agent.Attempts.Should().Be(1);
        run.Events.Should().NotContain(e => (e.Message ?? "").Contains("sk-test-key") || (e.Error ?? "").Contains("sk-test-key"));
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_retried()
    {
        using var harness = new AgentHarness(o => o.RequestTimeout = TimeSpan.FromMilliseconds(400));
        _model.Enqueue(new ScriptedReply.Text("too late") { Delay = TimeSpan.FromSeconds(5) }, new ScriptedReply.Text("On time."));

        var run = await harness.RunAsync(Graph(OpenAiConfig(_model), []), "Hello");

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("On time.");
        _model.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Without_a_key_a_hosted_provider_falls_back_to_the_offline_model_and_says_so()
    {
        using var harness = new AgentHarness();
        var config = OpenAiConfig(_model);
        config.Remove("apiKey");
        var tool = CodeTool("weather", "Weather report", "Gives the weather forecast for a city.", "return { forecast: 'sunny in ' + input.input.message };");

        var run = await harness.RunAsync(Graph(config, [tool]), "What is the weather forecast?");

        _model.Requests.Should().BeEmpty();
        var output = run.AgentOutput;
        output["offline"]!.GetValue<bool>().Should().BeTrue();
        output["answer"]!.GetValue<string>().Should().StartWith("[offline model]").And.Contain("sunny in What is the weather forecast?");
        run.Events.Should().Contain(e => e.Message != null && e.Message.Contains("No API key is configured for OpenAI"));
    }

    [Fact]
    public async Task Azure_OpenAI_is_reached_through_its_deployment_route_with_the_api_key_header()
    {
        using var harness = new AgentHarness();
        var config = new JsonObject
        {
            ["provider"] = "azure",
            ["model"] = "my-deployment",
            ["endpoint"] = _model.BaseUrl,
            ["apiKey"] = "azure-key",
            ["enableStreaming"] = false,
        };
        _model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a":1,"b":1}""")),
            new ScriptedReply.Text("Two, says Azure."));

        var run = await harness.RunAsync(Graph(config, [CodeTool("add", "Add numbers", "Adds a and b.", "return { sum: input.a + input.b };")]), "1+1");

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Two, says Azure.");
        _model.Requests.Should().AllSatisfy(r =>
        {
            r.Path.Should().Be("/openai/deployments/my-deployment/chat/completions");
            r.ApiKeyHeader.Should().Be("azure-key");
        });
    }

    [Fact]
    public async Task Anthropic_is_reached_through_its_messages_api()
    {
        using var harness = new AgentHarness();
        var config = new JsonObject
        {
            ["provider"] = "anthropic",
            ["model"] = "claude-test",
            ["endpoint"] = _model.BaseUrl,
            ["apiKey"] = "anthropic-key",
            ["enableStreaming"] = false,
        };
        _model.Enqueue(new ScriptedReply.Text("Hello from Claude.", 8, 4));

        var run = await harness.RunAsync(Graph(config, []), "Hi");

        run.Result.Status.Should().Be(ExecutionStatus.Completed, run.Result.Error?.Message);
        run.AgentOutput["answer"]!.GetValue<string>().Should().Be("Hello from Claude.");
        run.AgentOutput["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(8);
        var request = _model.Requests.Single();
        request.Path.Should().Be("/v1/messages");
        request.ApiKeyHeader.Should().Be("anthropic-key");
    }

    [Fact]
    public async Task An_openai_compatible_provider_needs_an_endpoint()
    {
        using var harness = new AgentHarness();
        var config = new JsonObject { ["provider"] = "openai_compatible", ["model"] = "llama" };

        var run = await harness.RunAsync(Graph(config, []), "Hi");

        run.Result.Status.Should().Be(ExecutionStatus.Failed);
        run.Result.Error!.Message.Should().Contain("needs the service's base URL in 'endpoint'");
    }
}
