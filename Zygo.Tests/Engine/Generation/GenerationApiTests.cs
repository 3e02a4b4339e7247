using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Engine;
using Zygo.Engine.Graph;
using Zygo.Engine.Validation;
using Zygo.Tests.Api;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Engine.Generation;

/// <summary>The generation endpoints over HTTP: results, saving, permissions, tenancy, bad input and model failures.</summary>
public sealed class GenerationApiTests(GenerationApiTests.Fixture fixture) : IClassFixture<GenerationApiTests.Fixture>, IAsyncLifetime
{
    private const string Generate = "/api/v1/workflows/generate";
    private const string GenerateNode = "/api/v1/nodes/generate";

    private readonly ScriptedModelServer _model = new();

    public sealed class Fixture() : AppFixture(useKestrel: false)
    {
        public Guid Tenant { get; private set; }
        public HttpClient Developer { get; private set; } = null!;
        public HttpClient Viewer { get; private set; } = null!;
        public HttpClient Member { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Tenant = await App.CreateTenantAsync("Generation");
            Developer = Keep(await App.ClientForRoleAsync(Tenant, TenantRole.Developer));
            Viewer = Keep(await App.ClientForRoleAsync(Tenant, TenantRole.Viewer));
            Member = Keep(await App.ClientForRoleAsync(Tenant, TenantRole.Member));
        }
    }

    public Task InitializeAsync() => _model.InitializeAsync();

    public Task DisposeAsync() => _model.DisposeAsync();

    private static WorkflowGraph GraphOf(JsonElement body) =>
        WorkflowGraph.Parse(body.GetProperty("nodes").GetRawText(), body.GetProperty("edges").GetRawText());

    private IReadOnlyList<ValidationProblem> Validate(JsonElement body) =>
        fixture.App.Services.GetRequiredService<GraphValidator>().Validate(GraphOf(body));

    [Fact]
    public async Task Offline_generation_returns_a_valid_labelled_workflow_without_saving_it()
    {
        var before = (await fixture.Developer.ListWorkflowsAsync()).GetProperty("total").GetInt32();

        var body = await (await fixture.Developer.PostAsync(Generate, Json(new { prompt = "Every day fetch the API and email me a summary" })))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        Validate(body).Should().BeEmpty();
        body.GetProperty("name").GetString().Should().NotBeNullOrWhiteSpace();
        body.GetProperty("generation").GetProperty("offline").GetBoolean().Should().BeTrue();
        GraphOf(body).Nodes.Select(n => n.Type).Should().Contain(["trigger", "http_api", "llm", "email"]);
        (await fixture.Developer.ListWorkflowsAsync()).GetProperty("total").GetInt32().Should().Be(before, "generation alone saves nothing");
    }

    [Fact]
    public async Task With_save_the_generated_workflow_is_created()
    {
        var response = await fixture.Developer.PostAsync(Generate, Json(new { prompt = "A chat assistant that searches the docs", save = true }));
        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);

        var saved = await fixture.Developer.GetWorkflowAsync(Guid.Parse(body.GetProperty("workflowId").GetString()!));
        saved.GetProperty("nodes").GetArrayLength().Should().Be(body.GetProperty("nodes").GetArrayLength());
        saved.GetProperty("name").GetString().Should().Be(body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Generating_needs_edit_permission_and_optimising_needs_view()
    {
        var workflow = await fixture.Developer.CreateWorkflowAsync();

        (await fixture.Viewer.PostAsync(Generate, Json(new { prompt = "Email me" }))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.Member.PostAsync(GenerateNode, Json(new { type = "email", description = "Email me" })))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.Viewer.PostAsync($"/api/v1/workflows/{workflow.Id()}/optimize", Json(new { })))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        using var anonymous = fixture.App.CreateClient();
        (await anonymous.PostAsync(Generate, Json(new { prompt = "Email me" }))).StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found);
    }

    [Fact]
    public async Task Another_tenants_workflow_cannot_be_optimised()
    {
        var other = await fixture.App.CreateTenantAsync("Other " + UniqueSuffix());
        using var otherOwner = await fixture.App.ClientForRoleAsync(other, TenantRole.Owner);
        var foreign = await otherOwner.CreateWorkflowAsync();

        var response = await fixture.Developer.PostAsync($"/api/v1/workflows/{foreign.Id()}/optimize", Json(new { }));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Optimize_returns_the_static_suggestions_of_a_saved_workflow()
    {
        var graph = OptimizerTests.Crafted();
        var created = await (await fixture.Developer.PostAsync(Workflows, RawJson(new JsonObject
        {
            ["name"] = "Crafted " + UniqueSuffix(),
            ["nodes"] = JsonSerializer.SerializeToNode(graph.Nodes, EngineJson.Options),
            ["edges"] = JsonSerializer.SerializeToNode(graph.Edges, EngineJson.Options),
        }.ToJsonString()))).ShouldBeJsonAsync(HttpStatusCode.Created);

        var body = await (await fixture.Viewer.PostAsync($"/api/v1/workflows/{created.Id()}/optimize", Json(new { focus = "reliability" })))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToList();
        suggestions.Select(s => s.GetProperty("category").GetString()).Should().OnlyContain(c => c == "reliability" || c == "security");
        suggestions.Should().Contain(s => s.GetProperty("nodeId").GetString() == "lookup" && s.GetProperty("message").GetString()!.Contains("description"));
        body.ToString().Should().NotContain("sk-live-123", "a secret found in a config is named, never echoed");
    }

    [Theory]
    [InlineData("{}", "prompt", "empty")]
    [InlineData("""{"prompt": "   "}""", "prompt", "empty")]
    [InlineData("""{"prompt": "Email me", "provider": "skynet"}""", "provider", "skynet")]
    [InlineData("""{"prompt": "Email me", "provider": "openai"}""", "provider", "model")]
    public async Task Bad_generation_requests_get_a_clear_problem(string json, string field, string word)
    {
        var problem = await (await fixture.Developer.PostAsync(Generate, RawJson(json))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, word);

        problem.Body.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.Body.ToString());
    }

    [Fact]
    public async Task An_oversized_prompt_is_refused()
    {
        var prompt = new string('x', 2001);

        await (await fixture.Developer.PostAsync(Generate, Json(new { prompt }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "2000");
    }

    [Fact]
    public async Task Node_config_generation_fills_the_type_and_refuses_unknown_types_and_focuses()
    {
        var body = await (await fixture.Developer.PostAsync(GenerateNode, Json(new { type = "email", description = "Tell ops@example.com" })))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("to").GetString().Should().Be("ops@example.com");

        await (await fixture.Developer.PostAsync(GenerateNode, Json(new { type = "teleport", description = "Beam me up" })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var workflow = await fixture.Developer.CreateWorkflowAsync();
        await (await fixture.Developer.PostAsync($"/api/v1/workflows/{workflow.Id()}/optimize", Json(new { focus = "beauty" })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "beauty");
    }

    [Fact]
    public async Task A_model_still_wrong_after_the_repairs_is_422_with_its_problems_and_a_failing_model_is_502()
    {
        _model.Enqueue(new ScriptedReply.Text("{}"), new ScriptedReply.Text("{}"), new ScriptedReply.Text("{\"nodes\": [], \"edges\": []}"));
        var request = new { prompt = "Anything", provider = "openai_compatible", model = "gpt-test", endpoint = _model.OpenAiEndpoint };

        var invalid = await (await fixture.Developer.PostAsync(Generate, Json(request))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "repair");
        invalid.Body.GetProperty("problems").GetString().Should().Contain("no trigger");

        _model.Enqueue(new ScriptedReply.Error(401));
        await (await fixture.Developer.PostAsync(Generate, Json(request))).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_key_from_a_variable_reaches_the_model_and_its_use_is_audited()
    {
        var tenant = await fixture.App.CreateTenantAsync("Generation keys " + UniqueSuffix());
        using var owner = await fixture.App.ClientForRoleAsync(tenant, TenantRole.Owner);
        const string secret = "sk-generation-0123456789";
        var variable = await owner.CreateVariableAsync("GEN_KEY_" + UniqueSuffix().ToUpperInvariant(), secret, "openai");
        _model.Enqueue(new ScriptedReply.Text("""
            {"name": "Hello", "description": "d", "nodes": [{"id": "t", "type": "trigger", "label": "Start", "config": {"triggerMode": "manual"}}], "edges": []}
            """));

        var response = await owner.PostAsync(Generate, Json(new
        {
            prompt = "Start",
            provider = "openai",
            model = "gpt-test",
            endpoint = _model.OpenAiEndpoint,
            apiKeyVariableId = variable.GetProperty("id").GetString(),
        }));
        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);

        body.GetProperty("generation").GetProperty("offline").GetBoolean().Should().BeFalse();
        _model.Requests.Single().Authorization.Should().Be($"Bearer {secret}");
        body.ToString().Should().NotContain(secret);
        await using var db = fixture.App.CreateSystemContext();
        (await db.AuditLog.IgnoreQueryFilters().CountAsync(a => a.TenantId == tenant && a.Action == "variable.used")).Should().Be(1);
    }
}
