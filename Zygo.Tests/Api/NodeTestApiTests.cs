using System.Net;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>POST /api/v1/nodes/{type}/test: one node, sample input, nothing recorded.</summary>
public sealed class NodeTestApiTests(NodeTestApiTests.Fixture fixture) : IClassFixture<NodeTestApiTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        public HttpClient Developer { get; private set; } = null!;
        public HttpClient Member { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            var tenant = await App.CreateTenantAsync("Dry runs");
            Developer = Keep(await App.ClientForRoleAsync(tenant, TenantRole.Developer));
            Member = Keep(await App.ClientForRoleAsync(tenant, TenantRole.Member));
        }
    }

    [Fact]
    public async Task Runs_one_node_with_the_sample_input()
    {
        var result = await TestAsync(fixture.Developer, "code",
            new JsonObject { ["language"] = "javascript", ["code"] = "console.log('hi'); return { doubled: input.n * 2 };" },
            new JsonObject { ["n"] = 21 });

        result["status"]!.GetValue<string>().Should().Be("completed");
        result["output"]!["doubled"]!.GetValue<int>().Should().Be(42);
        result["logs"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Contain("hi");
        result["attempts"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_failing_node_answers_200_with_the_error()
    {
        var result = await TestAsync(fixture.Developer, "code",
            new JsonObject { ["language"] = "javascript", ["code"] = "throw new Error('nope');" }, null);

        result["status"]!.GetValue<string>().Should().Be("failed");
        result["error"]!.GetValue<string>().Should().Contain("nope");
    }

    [Fact]
    public async Task Tenant_variables_resolve_in_the_config()
    {
        (await fixture.Developer.PostAsync(Variables, Json(new { name = "DRY_RUN_TOKEN", value = "12345678" })))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var result = await TestAsync(fixture.Developer, "code",
            new JsonObject { ["language"] = "javascript", ["code"] = "return '{{DRY_RUN_TOKEN}}'.length;" }, null);

        result["output"]!.GetValue<int>().Should().Be(8);
    }

    [Fact]
    public async Task A_variable_value_never_comes_back_from_a_dry_run()
    {
        await fixture.Developer.CreateVariableAsync("DRY_RUN_SECRET", "s3cr3t-value-123");

        var result = await TestAsync(fixture.Developer, "code", new JsonObject
        {
            ["language"] = "javascript",
            ["code"] = "console.log('key {{DRY_RUN_SECRET}}'); return { t: '{{DRY_RUN_SECRET}}', n: '{{DRY_RUN_SECRET}}'.length };",
        }, null);

        result.ToJsonString().Should().NotContain("s3cr3t-value-123");
        result["output"]!["t"]!.GetValue<string>().Should().Be("***");
        result["output"]!["n"]!.GetValue<int>().Should().Be(16, "the node itself worked with the real value");
        result["logs"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Contain("key ***");
    }

    [Fact]
    public async Task A_variable_named_by_a_default_is_loaded_when_the_field_is_left_out()
    {
        (await fixture.Developer.PostAsync(Variables, Json(new { name = "DB_CONNECTION", value = "Data Source=:memory:" })))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var result = await TestAsync(fixture.Developer, "data",
            new JsonObject { ["sql"] = "SELECT 6 * 7", ["operation"] = "scalar" }, null);

        result["status"]!.GetValue<string>().Should().Be("completed", result.ToJsonString());
        result["output"]!["value"]!.GetValue<int>().Should().Be(42);
    }

    [Fact]
    public async Task An_unknown_type_is_404_and_a_member_may_not_dry_run()
    {
        (await fixture.Developer.PostAsync("/api/v1/nodes/teleport/test", Json(new { })))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Member.PostAsync("/api/v1/nodes/code/test", Json(new { config = new { code = "return 1;" } })))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonNode> TestAsync(HttpClient client, string type, JsonObject config, JsonNode? input)
    {
        var response = await client.PostAsync($"/api/v1/nodes/{type}/test",
            RawJson(new JsonObject { ["config"] = config, ["input"] = input }.ToJsonString()));
        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        return JsonNode.Parse(body.GetRawText())!;
    }
}
