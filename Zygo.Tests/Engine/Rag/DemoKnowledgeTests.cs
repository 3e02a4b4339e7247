using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Tests.Api;
using Zygo.Web.Seeding;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Engine.Rag;

/// <summary>A fresh install's demo tenant has the FAQ collection, and the offline Support assistant retrieves real passages from it.</summary>
public sealed class DemoKnowledgeTests(DemoKnowledgeTests.Fixture fixture) : IClassFixture<DemoKnowledgeTests.Fixture>
{
    public sealed class Fixture() : AppFixture
    {
        public HttpClient Developer { get; private set; } = null!;

        public override async Task InitializeAsync() =>
            Developer = Keep(await App.ClientForRoleAsync(await App.DemoTenantIdAsync(), TenantRole.Developer));
    }

    [Fact]
    public async Task The_demo_tenant_has_the_support_faq_collection()
    {
        var collections = await (await fixture.Developer.GetAsync("/api/v1/collections")).ShouldBeJsonAsync(HttpStatusCode.OK);

        var faq = collections.EnumerateArray().Single(c => c.GetProperty("name").GetString() == DemoKnowledge.CollectionName);
        faq.GetProperty("documents").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task The_offline_support_assistant_answers_from_the_knowledge_base_by_keyword()
    {
        var id = (await fixture.Developer.ListWorkflowsAsync("?search=Support%20assistant")).ItemIds().Single();

        var response = await fixture.Developer.PostAsync($"/api/v1/workflows/{id}/execute",
            RawJson(new JsonObject { ["input"] = new JsonObject { ["message"] = "How long does a refund take after a return?" }, ["mode"] = "sync" }.ToJsonString()));
        var run = await response.ShouldBeJsonAsync(HttpStatusCode.OK);

        run.GetProperty("status").GetString().Should().Be("completed", run.ToString());
        var nodes = run.GetProperty("nodeExecutions").EnumerateArray().ToList();
        var kb = nodes.Single(n => n.GetProperty("nodeId").GetString() == "kb");
        kb.GetProperty("status").GetString().Should().Be("completed", kb.ToString());
        var output = kb.GetProperty("output");
        output.GetProperty("mode").GetString().Should().Be("keyword");
        output.GetProperty("note").GetString().Should().Contain("keyword");
        output.GetProperty("results")[0].GetProperty("source").GetString().Should().Be("returns-and-refunds.md");
        output.GetProperty("context").GetString().Should().Contain("five business days");
        var answer = nodes.Single(n => n.GetProperty("nodeId").GetString() == "agent").GetProperty("output").GetProperty("answer").GetString();
        answer.Should().StartWith("[offline model]").And.Contain("search_knowledge_base").And.Contain("refund");
    }
}
