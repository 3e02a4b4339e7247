using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Tests.Api;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Engine.Agent;

/// <summary>Agents run through the real execute API on a fresh install: the seeded demo offline, keys from variables.</summary>
public sealed class AgentApiTests(AgentApiTests.Fixture fixture) : IClassFixture<AgentApiTests.Fixture>, IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();

    public sealed class Fixture() : AppFixture(useKestrel: false)
    {
        public Guid DemoTenant { get; private set; }
        public HttpClient DemoDeveloper { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            DemoTenant = await App.DemoTenantIdAsync();
            DemoDeveloper = Keep(await App.ClientForRoleAsync(DemoTenant, TenantRole.Developer));
        }
    }

    public Task InitializeAsync() => _model.InitializeAsync();

    public Task DisposeAsync() => _model.DisposeAsync();

    [Fact]
    public async Task The_seeded_support_assistant_runs_end_to_end_on_the_offline_model()
    {
        var client = fixture.DemoDeveloper;
        var list = await client.ListWorkflowsAsync("?search=Support%20assistant");
        var id = list.ItemIds().Single();

        var run = await ExecuteAsync(client, id, new JsonObject { ["message"] = "Where is my order 12345?" });

        run.GetProperty("status").GetString().Should().Be("completed", run.ToString());
        var nodes = run.GetProperty("nodeExecutions").EnumerateArray().ToList();
        var agent = nodes.Single(n => n.GetProperty("nodeId").GetString() == "agent").GetProperty("output");
        agent.GetProperty("offline").GetBoolean().Should().BeTrue();
        agent.GetProperty("answer").GetString().Should().StartWith("[offline model]").And.Contain("look_up_order");
        agent.GetProperty("status").GetString().Should().Be("completed");
        agent.TryGetProperty("unavailableTools", out _).Should().BeFalse("every tool of the demo runs in this build");

        var call = agent.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "tool");
        call.GetProperty("tool").GetString().Should().Be("look_up_order");
        call.GetProperty("arguments").GetProperty("orderId").GetString().Should().Be("12345");
        // The order service of the demo is not running here: the tool's failure is an observation, not a crash.
        call.GetProperty("outcome").GetString().Should().BeOneOf("ok", "error");

        var order = nodes.Single(n => n.GetProperty("nodeId").GetString() == "orders");
        order.GetProperty("path").GetString().Should().Be("Support agent[1 look_up_order]");
        order.GetProperty("input").GetProperty("orderId").GetString().Should().Be("12345");
        nodes.Should().NotContain(n => n.GetProperty("nodeId").GetString() == "escalate", "the request did not ask for a person");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_key_from_a_variable_reaches_the_provider_is_audited_and_is_never_echoed(bool byVariableId)
    {
        var tenant = await fixture.App.CreateTenantAsync("Keys " + UniqueSuffix());
        var client = await fixture.App.ClientForRoleAsync(tenant, TenantRole.Owner);
        const string secret = "sk-from-variable-0123456789";
        var name = "OPENAI_KEY_" + UniqueSuffix().ToUpperInvariant();
        var variable = await client.CreateVariableAsync(name, secret, "openai");
        var config = new JsonObject
        {
            ["provider"] = "openai",
            ["model"] = "gpt-test",
            ["endpoint"] = _model.OpenAiEndpoint,
            ["agentType"] = "conversational",
            ["enableStreaming"] = false,
        };
        if (byVariableId)
        {
            config["apiKeyVariableId"] = variable.GetProperty("id").GetString();
        }
        else
        {
            config["apiKey"] = $"{{{{{name}}}}}";
        }

        var id = await CreateAgentWorkflowAsync(client, config);
        _model.Enqueue(new ScriptedReply.Text("Hello from the scripted model."));

        var response = await client.PostAsync($"/api/v1/workflows/{id}/execute",
            RawJson(new JsonObject { ["input"] = new JsonObject { ["message"] = "Hi" }, ["mode"] = "sync" }.ToJsonString()));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetString().Should().Be("completed", body);
        _model.Requests.Single().Authorization.Should().Be($"Bearer {secret}");
        body.Should().NotContain(secret);
        await using var db = fixture.App.CreateSystemContext();
        var audit = await db.AuditLog.IgnoreQueryFilters().Where(a => a.TenantId == tenant && a.Action == "variable.used").ToListAsync();
        audit.Should().ContainSingle();
        audit[0].Details.Should().Contain(name).And.NotContain(secret);
    }

    [Fact]
    public async Task A_streamed_run_sends_the_agent_steps_and_the_model_tokens_in_order_as_server_sent_events()
    {
        var tenant = await fixture.App.CreateTenantAsync("Stream " + UniqueSuffix());
        var client = await fixture.App.ClientForRoleAsync(tenant, TenantRole.Developer);
        const string answer = "Tokens arrive one by one.";
        var id = await CreateAgentWorkflowAsync(client, new JsonObject
        {
            ["provider"] = "openai",
            ["model"] = "gpt-test",
            ["endpoint"] = _model.OpenAiEndpoint,
            ["apiKey"] = "sk-stream",
            ["enableStreaming"] = true,
        });
        _model.Enqueue(new ScriptedReply.Text(answer));

        var response = await client.PostAsync($"/api/v1/workflows/{id}/execute",
            RawJson(new JsonObject { ["input"] = new JsonObject { ["message"] = "Stream" }, ["mode"] = "stream" }.ToJsonString()));
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (Event: lines[0]["event: ".Length..], Data: JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement))
            .ToList();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var tokens = events.Where(e => e.Event == "token").Select(e => e.Data.GetProperty("message").GetString()).ToList();
        string.Concat(tokens).Should().Be(answer);
        tokens.Should().HaveCountGreaterThan(1);
        events.Where(e => e.Event == "agentStep").Select(e => e.Data.GetProperty("output").GetProperty("type").GetString())
            .Should().Equal("model", "final");
        var kinds = events.Select(e => e.Event).ToList();
        kinds.IndexOf("token").Should().BeLessThan(kinds.IndexOf("agentStep"), "tokens stream while the model answers");
        kinds.Last().Should().Be("executionFinished");
    }

    private static async Task<string> CreateAgentWorkflowAsync(HttpClient client, JsonObject agentConfig)
    {
        var response = await client.PostAsync("/api/v1/workflows", RawJson(new JsonObject
        {
            ["name"] = "Agent " + UniqueSuffix(),
            ["nodes"] = new JsonArray(
                new JsonObject { ["id"] = "trigger", ["type"] = "trigger", ["label"] = "Start", ["config"] = new JsonObject { ["triggerMode"] = "manual" } },
                new JsonObject { ["id"] = "agent", ["type"] = "ai_agent", ["label"] = "Agent", ["config"] = agentConfig }),
            ["edges"] = new JsonArray(new JsonObject { ["id"] = "e1", ["source"] = "trigger", ["target"] = "agent" }),
        }.ToJsonString()));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ExecuteAsync(HttpClient client, Guid workflowId, JsonNode input)
    {
        var response = await client.PostAsync($"/api/v1/workflows/{workflowId}/execute",
            RawJson(new JsonObject { ["input"] = input, ["mode"] = "sync" }.ToJsonString()));
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }
}
