using Bunit;
using MudBlazor;
using Zygo.Web.Components.Editor.Config;

namespace Zygo.Tests.Components.Config;

/// <summary>The node's description, which an AI Agent reads to choose its tools, leads the form when the host edits it.</summary>
public sealed class DescriptionTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void The_description_comes_first_and_reports_its_changes()
    {
        var descriptions = new List<string>();
        Render<MudPopoverProvider>();
        var form = Render<NodeConfigForm>(p => p
            .Add(f => f.NodeType, "http_api")
            .Add(f => f.Description, "Calls the CRM.")
            .Add(f => f.DescriptionChanged, (string d) => descriptions.Add(d)));

        form.FindAll("textarea, input:not([type=hidden])")[0].Id.Should().Be("node-description", "it is the first field");
        Type(form, "node-description", "Looks up a customer's open orders by email address.");

        descriptions.Should().Equal("Looks up a customer's open orders by email address.");
    }

    [Fact]
    public void Without_a_handler_the_description_is_left_to_the_host() =>
        RenderForm("http_api").FindAll("#node-description").Should().BeEmpty();

    [Fact]
    public void A_host_that_shows_the_type_itself_gets_the_docs_link_without_a_second_title()
    {
        var titled = RenderForm("http_api");
        var untitled = Render<NodeConfigForm>(p => p.Add(f => f.NodeType, "http_api").Add(f => f.ShowTitle, false));

        titled.Find("header h2").TextContent.Should().Contain("HTTP API");
        untitled.Find("header h2").TextContent.Should().NotContain("HTTP API", "the panel already names the type");
        untitled.Find("[data-testid=node-docs-link]").GetAttribute("href").Should().Be("/documentation/advanced-configuration#node-http_api");
    }
}
