using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Tests.Api;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Engine.Planning;

/// <summary>A Planner's synthesizer through the real execute API and database: its key from a variable is audited and never stored.</summary>
public sealed class SynthesizerApiTests(SynthesizerApiTests.Fixture fixture) : IClassFixture<SynthesizerApiTests.Fixture>, IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();

    public sealed class Fixture() : AppFixture(useKestrel: false);

    public Task InitializeAsync() => _model.InitializeAsync();

    public Task DisposeAsync() => _model.DisposeAsync();

    [Fact]
    public async Task The_synthesizers_key_from_a_variable_reaches_the_provider_is_audited_as_the_planners_and_is_never_stored()
    {
        var tenant = await fixture.App.CreateTenantAsync("Synth " + UniqueSuffix());
        var client = await fixture.App.ClientForRoleAsync(tenant, TenantRole.Owner);
        const string secret = "sk-synthesizer-0123456789";
        var name = "SYNTH_KEY_" + UniqueSuffix().ToUpperInvariant();
        var variable = await client.CreateVariableAsync(name, secret, "openai");
        var planner = new JsonObject
        {
            ["executionMode"] = "autonomous",
            ["synthesizer"] = new JsonObject
            {
                ["enabled"] = true, ["provider"] = "openai", ["model"] = "synth-model", ["endpoint"] = _model.OpenAiEndpoint,
                ["apiKeyVariableId"] = variable.GetProperty("id").GetString(),
            },
        };
        var agent = new JsonObject
        {
            ["provider"] = "openai", ["model"] = "gpt-test", ["endpoint"] = _model.OpenAiEndpoint, ["apiKey"] = "sk-agent",
            ["agentType"] = "conversational", ["enableStreaming"] = false,
        };
        var id = await CreateAsync(client, planner, agent);
        _model.Enqueue(new ScriptedReply.Text("Draft."), new ScriptedReply.Text("Final answer.", PromptTokens: 40, CompletionTokens: 3));

        var response = await client.PostAsync($"/api/v1/workflows/{id}/execute",
            RawJson(new JsonObject { ["input"] = new JsonObject { ["message"] = "Total the open invoices by customer" }, ["mode"] = "sync" }.ToJsonString()));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var run = JsonDocument.Parse(body).RootElement;
        run.GetProperty("status").GetString().Should().Be("completed", body);
        var agentOutput = run.GetProperty("nodeExecutions").EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == "agent").GetProperty("output");
        agentOutput.GetProperty("answer").GetString().Should().Be("Final answer.");
        agentOutput.GetProperty("draftAnswer").GetString().Should().Be("Draft.");
        _model.Requests[1].Authorization.Should().Be($"Bearer {secret}");
        body.Should().NotContain(secret);

        await using var db = fixture.App.CreateSystemContext();
        var stored = await db.NodeExecutions.IgnoreQueryFilters().Where(n => n.TenantId == tenant).ToListAsync();
        stored.Should().Contain(n => n.NodeId == "agent" && n.Output!.Contains("\"synthesis\"") && n.Output.Contains("Final answer."));
        stored.Should().NotContain(n => (n.Input ?? "").Contains(secret) || (n.Output ?? "").Contains(secret) || (n.Error ?? "").Contains(secret));
        var execution = await db.WorkflowExecutions.IgnoreQueryFilters().SingleAsync(e => e.TenantId == tenant);
        $"{execution.Input} {execution.Output} {execution.Error}".Should().NotContain(secret);
        var audit = await db.AuditLog.IgnoreQueryFilters().Where(a => a.TenantId == tenant && a.Action == "variable.used").ToListAsync();
        audit.Should().ContainSingle().Which.Details.Should().Contain(name).And.Contain("\"nodeId\":\"planner\"").And.NotContain(secret);
    }

    private static async Task<string> CreateAsync(HttpClient client, JsonObject planner, JsonObject agent)
    {
        var response = await client.PostAsync("/api/v1/workflows", RawJson(new JsonObject
        {
            ["name"] = "Synthesis " + UniqueSuffix(),
            ["nodes"] = new JsonArray(
                new JsonObject { ["id"] = "trigger", ["type"] = "trigger", ["label"] = "Start", ["config"] = new JsonObject { ["triggerMode"] = "manual" } },
                new JsonObject { ["id"] = "planner", ["type"] = "planner", ["label"] = "Planner", ["config"] = planner },
                new JsonObject { ["id"] = "agent", ["type"] = "ai_agent", ["label"] = "Agent", ["config"] = agent }),
            ["edges"] = new JsonArray(
                new JsonObject { ["id"] = "e1", ["source"] = "trigger", ["target"] = "planner" },
                new JsonObject { ["id"] = "e2", ["source"] = "planner", ["target"] = "agent" }),
        }.ToJsonString()));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }
}
