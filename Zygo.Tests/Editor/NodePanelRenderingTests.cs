using Bunit;
using MudBlazor;
using Zygo.Tests.Components.Config;
using Zygo.Web.Components.Editor.Panel;

namespace Zygo.Tests.Editor;

/// <summary>
/// The editor re-renders when a node is moved on the canvas; the side panel (a whole config form) renders again only
/// when what it shows was replaced, so a move commits without rebuilding the form.
/// </summary>
public sealed class NodePanelRenderingTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    private const string Graph =
        """{"nodes":[{"id":"c","type":"code","label":"Reply","description":"","position":{"x":1,"y":2},"config":{"language":"javascript","code":"return 1;"}}],"edges":[]}""";

    [Fact]
    public void The_same_node_and_problems_again_do_not_render_the_panel_again()
    {
        Render<MudPopoverProvider>();
        var node = SelectedNode.Find(Graph, "c")!;
        IReadOnlyList<string> none = [];
        var panel = Render<NodePanel>(p => p.Add(x => x.Node, node).Add(x => x.Problems, none));
        var renders = panel.RenderCount;

        panel.Render(p => p.Add(x => x.Node, node).Add(x => x.Problems, none));
        panel.RenderCount.Should().Be(renders, "nothing the panel shows was replaced");

        panel.Render(p => p.Add(x => x.Problems, new[] { "The code is empty." }));
        panel.RenderCount.Should().Be(renders + 1);
        panel.Find("[data-testid=node-problems]").TextContent.Should().Contain("The code is empty.");

        panel.Render(p => p.Add(x => x.Node, node with { Label = "Answer" }));
        panel.Find("#node-label").GetAttribute("value").Should().Be("Answer");
    }
}
