using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Templating;
using Zygo.Engine.Validation;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Seeding;
using Zygo.Web.Workflows;

namespace Zygo.Tests.Seeding;

/// <summary>The shipped templates are sound graphs of registered node types, listed on /templates and usable.</summary>
public sealed partial class WorkflowTemplateTests : AppTest
{
    public static TheoryData<string> TemplateKeys => [.. WorkflowTemplates.Extra.Select(t => t.Key)];

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex VariableName();

    [Fact]
    public void Seven_templates_ship_besides_the_three_demos()
    {
        WorkflowTemplates.Extra.Select(t => t.Key).Should().BeEquivalentTo(
            "github-issue-triage", "employee-onboarding", "invoice-processing", "support-ticket-escalation",
            "it-provisioning", "order-fulfilment", "compliance-reporting");
        WorkflowTemplates.All.Should().HaveCount(DemoWorkflow.All.Count + 7);
        WorkflowTemplates.All.Select(t => t.Key).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(TemplateKeys))]
    public void A_template_passes_the_graph_validator_with_the_variables_it_references(string key)
    {
        var template = WorkflowTemplates.Extra.Single(t => t.Key == key);
        var graph = WorkflowGraph.Parse(template.NodesJson, template.EdgesJson);

        var variables = graph.Nodes.SelectMany(n => JsonStrings.All(n.Config)).SelectMany(TemplateResolver.References)
            .Where(r => VariableName().IsMatch(r)).ToHashSet();
        var problems = new GraphValidator(Registry).Validate(graph, variables);

        problems.Select(p => p.Message).Should().BeEmpty();
        graph.Nodes.Should().HaveCountGreaterThanOrEqualTo(5);
        graph.Nodes.Select(n => n.Type).Should().OnlyContain(type => Registry.Find(type) != null);
    }

    [Theory]
    [MemberData(nameof(TemplateKeys))]
    public void Every_node_of_a_template_has_a_label_a_description_and_a_position(string key)
    {
        var graph = WorkflowGraph.Parse(WorkflowTemplates.Extra.Single(t => t.Key == key).NodesJson, "[]");

        graph.Nodes.Should().AllSatisfy(n =>
        {
            n.Label.Should().NotBeNullOrWhiteSpace(n.Id);
            n.Description.Length.Should().BeGreaterThan(15, $"the agent reads the description of '{n.Id}'");
            n.Position.Should().NotBeNull(n.Id);
        });
    }

    [Fact]
    public void The_github_template_calls_the_issues_api_with_the_token_variable_from_an_agent_tool()
    {
        var template = WorkflowTemplates.Extra.Single(t => t.Key == "github-issue-triage");
        var graph = WorkflowGraph.Parse(template.NodesJson, template.EdgesJson);

        var agent = graph.Nodes.Single(n => n.Type == "ai_agent");
        var issues = graph.Nodes.Single(n => n.Type == "http_api" && n.Config["url"]!.GetValue<string>().StartsWith("https://api.github.com/"));
        issues.Config["authentication"]!["token"]!.GetValue<string>().Should().Be("{{GITHUB_TOKEN}}");
        GraphRegions.ToolRoots(graph, agent.Id).Should().Contain(issues.Id).And.HaveCountGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task The_templates_page_lists_the_demos_and_the_templates()
    {
        using var client = await App.ClientForRoleAsync(await App.DemoTenantIdAsync(), TenantRole.Developer);

        var html = await client.GetStringAsync("/templates");

        Regex.Matches(html, "data-testid=\"template-card\"").Count.Should().BeGreaterThanOrEqualTo(10);
        foreach (var template in WorkflowTemplates.All)
        {
            html.Should().Contain(System.Net.WebUtility.HtmlEncode(template.Name));
        }
    }

    [Fact]
    public async Task Only_the_demos_are_seeded_into_the_demo_tenant()
    {
        var tenant = await App.DemoTenantIdAsync();
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();

        var seeded = await db.Workflows.IgnoreQueryFilters().Where(w => w.TenantId == tenant).Select(w => w.Slug).ToListAsync();

        seeded.Should().BeEquivalentTo(DemoWorkflow.All.Select(d => d.Key));
    }

    [Fact]
    public async Task A_workflow_created_from_a_template_keeps_its_nodes_and_edges()
    {
        var tenant = await App.DemoTenantIdAsync();
        var user = await App.CreateUserAsync(tenant, TenantRole.Developer);
        var template = WorkflowTemplates.Extra.Single(t => t.Key == "order-fulfilment");
        using var scope = App.ScopeFor(user, tenant, TenantRole.Developer);
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();

        var created = await workflows.CreateAsync(new WorkflowDraft(template.Name, template.Description, null, template.NodesJson, template.EdgesJson));

        var stored = await workflows.GetAsync(created.Id);
        stored!.Name.Should().Be("E-commerce order fulfilment");
        stored.Nodes.GetArrayLength().Should().Be(JsonDocument.Parse(template.NodesJson).RootElement.GetArrayLength());
        stored.Edges.EnumerateArray().Select(SourceHandle).Should().Contain(["body", "done"]);
    }

    private static string? SourceHandle(JsonElement edge) =>
        edge.TryGetProperty("sourceHandle", out var handle) ? handle.GetString() : null;

    private NodeTypeRegistry Registry => App.Services.GetRequiredService<NodeTypeRegistry>();
}
