using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Validation;
using Zygo.Web.Editor.Config;

namespace Zygo.Tests.Components.Config;

/// <summary>Validation problems passed to the form show next to the field they concern; others above the form.</summary>
public sealed class ProblemTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void A_problem_of_a_field_shows_at_that_field_and_one_of_the_node_above_the_fields()
    {
        var form = RenderForm("http_api", problems:
        [
            new ConfigProblem("url", "Give the address to call."),
            new ConfigProblem("authentication.token", "The token is empty."),
            new ConfigProblem("headers.0.key", "A header needs a name."),
            new ConfigProblem(null, "'Fetch' is not connected to anything."),
        ]);

        ErrorOf(form, "url").Should().Be("Give the address to call.");
        ErrorOf(form, "timeout").Should().BeNull();
        FieldOf(form, "headers").TextContent.Should().Contain("A header needs a name.");
        FieldOf(form, "authentication").TextContent.Should().Contain("The token is empty.",
            "the type shows problems of the fields it hides (none hides the token)");
        form.Find("[data-testid=node-problems]").TextContent.Should().Contain("'Fetch' is not connected to anything.")
            .And.NotContain("The token is empty.").And.NotContain("Give the address to call.");
    }

    [Fact]
    public void The_graph_validators_problems_are_placed_at_the_field_holding_the_bad_reference()
    {
        var config = new JsonObject { ["url"] = "https://example.test/{{nodes.Nowhere.output.path}}" };
        var graph = new WorkflowGraph(
        [
            new GraphNode { Id = "start", Type = "trigger" },
            new GraphNode { Id = "fetch", Type = "http_api", Label = "Fetch", Config = config },
        ], [new GraphEdge { Id = "e1", Source = "start", Target = "fetch" }]);
        var validator = new GraphValidator(Services.GetRequiredService<NodeTypeRegistry>());

        var problems = ConfigProblem.ForNode(validator.Validate(graph), "fetch", config);
        var form = RenderForm("http_api", config, problems);

        problems.Should().ContainSingle().Which.Field.Should().Be("url");
        ErrorOf(form, "url").Should().Contain("there is no node 'Nowhere'");
        form.FindAll("[data-testid=node-problems]").Should().BeEmpty();
    }
}
