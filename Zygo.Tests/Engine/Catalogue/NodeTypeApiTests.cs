using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Zygo.Data.Entities;
using Zygo.Engine.Nodes;
using Zygo.Tests.Api;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Catalogue;

/// <summary>/api/v1/nodes/types on the real app.</summary>
public sealed class NodeTypeApiTests(NodeTypeApiTests.Fixture fixture) : IClassFixture<NodeTypeApiTests.Fixture>
{
    private const string Types = "/api/v1/nodes/types";

    public sealed class Fixture() : AppFixture
    {
        public HttpClient Viewer { get; private set; } = null!;

        public override async Task InitializeAsync() =>
            Viewer = Keep(await App.ClientForRoleAsync(await App.DemoTenantIdAsync(), TenantRole.Viewer));
    }

    private ZygoAppFactory App => fixture.App;

    private NodeTypeRegistry Registry => App.Services.GetRequiredService<NodeTypeRegistry>();

    [Fact]
    public async Task The_list_has_every_registered_type_with_its_palette_data()
    {
        var list = await (await fixture.Viewer.GetAsync(Types)).ShouldBeJsonAsync(HttpStatusCode.OK);

        var items = list.EnumerateArray().ToList();
        items.Select(i => i.Str("id")).Should().BeEquivalentTo(Registry.All.Select(t => t.Id));
        var llm = items.Single(i => i.Str("id") == "llm");
        llm.Str("label").Should().Be("LLM");
        llm.Str("category").Should().Be("aiIntelligence");
        llm.Str("icon").Should().Be("Sparkles");
        llm.Str("color").Should().StartWith("#");
        llm.Str("description").Should().Be("Process with AI model (OpenAI, Anthropic, Google, etc.)");
        llm.GetProperty("available").GetBoolean().Should().BeTrue();
        llm.GetProperty("argumentSchema").GetProperty("properties").GetProperty("prompt").Str("type").Should().Be("string");

        var trigger = items.Single(i => i.Str("id") == "trigger");
        trigger.Str("category").Should().Be("coreOrchestration");
        trigger.GetProperty("available").GetBoolean().Should().BeTrue();
        items.Should().OnlyContain(i => i.GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task The_schema_of_a_type_is_its_config_schema_and_defaults()
    {
        var body = await (await fixture.Viewer.GetAsync($"{Types}/trigger/schema")).ShouldBeJsonAsync(HttpStatusCode.OK);

        body.Str("type").Should().Be("trigger");
        var schema = await JsonSchema.FromJsonAsync(body.GetProperty("schema").GetRawText());
        schema.ActualProperties.Keys.Should().Contain(["triggerMode", "chatConfig", "manualConfig", "scheduleConfig", "webhookConfig"]);
        body.GetProperty("defaults").Str("triggerMode").Should().Be("manual");
        schema.Validate(body.GetProperty("defaults").GetRawText()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_type_is_a_404_problem()
    {
        var response = await fixture.Viewer.GetAsync($"{Types}/teleport/schema");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "node type");
    }

    [Fact]
    public async Task The_routes_are_in_the_openapi_document()
    {
        using var anonymous = App.CreateClient();

        var doc = await (await anonymous.GetAsync("/api/openapi/v1.json")).ShouldBeJsonAsync(HttpStatusCode.OK);

        doc.GetProperty("paths").EnumerateObject().Select(p => p.Name)
            .Should().Contain([Types, Types + "/{type}/schema"]);
    }

    [Theory]
    [InlineData(Types)]
    [InlineData(Types + "/llm/schema")]
    public async Task Without_signing_in_it_is_401(string path)
    {
        using var anonymous = App.CreateClient();

        await (await anonymous.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
