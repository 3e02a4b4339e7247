using System.Text.Json.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Tests.Engine.Templating;

public sealed class TemplateScopeTests
{
    [Theory]
    [InlineData("{{nodes.score.output.total}}")]
    [InlineData("{{nodes.SCORE.output.total}}")]
    [InlineData("{{nodes.compute total.output.total}}")]
    [InlineData("{{nodes.Compute Total.output.total}}")]
    public void A_node_is_reached_by_id_or_label_in_any_case_as_the_validator_accepts_it(string template)
    {
        var scope = new TemplateScope(null);
        scope.SetOutput("Score", "Compute Total", new JsonObject { ["total"] = 7 });

        TemplateResolver.ResolveString(template, scope).Should().Be("7");
    }
}
