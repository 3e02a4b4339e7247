using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Zygo.Engine;
using Zygo.Engine.Nodes;
using Zygo.Web.Components.Editor;
using Zygo.Web.Components.Editor.Palette;

namespace Zygo.Tests.Editor;

/// <summary>The palette lists the registry's 20 node types under the spec's five categories and filters as you type.</summary>
public sealed class NodePaletteTests : BunitContext, IAsyncLifetime
{
    private readonly IReadOnlyList<EditorNodeType> _types;

    public NodePaletteTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var engine = new ServiceCollection();
        engine.AddZygoEngine();
        using var provider = engine.BuildServiceProvider();
        _types = EditorNodeType.From(provider.GetRequiredService<NodeTypeRegistry>());
    }

    [Fact]
    public void Groups_the_twenty_types_by_the_specs_categories()
    {
        Render<MudPopoverProvider>();
        var palette = Render<NodePalette>(p => p.Add(x => x.NodeTypes, _types));

        var groups = palette.FindAll("[data-testid=palette-group]");
        groups.Select(g => g.GetAttribute("aria-label")).Should().Equal(
            "Core orchestration", "AI & intelligence", "Integration", "Flow control", "Operations");
        palette.FindAll("[data-testid=palette-item]").Should().HaveCount(20);
        ItemsOf(groups[0]).Should().BeEquivalentTo(["ai_agent", "trigger", "planner"]);
        ItemsOf(groups[3]).Should().BeEquivalentTo(["conditional", "loop", "filter", "delay"]);
        ItemsOf(groups[4]).Should().BeEquivalentTo(["security", "maintenance", "monitoring"]);
        palette.Find("[data-node-type=http_api]").GetAttribute("aria-label").Should()
            .StartWith("Add HTTP API:").And.Contain(_types.Single(t => t.Id == "http_api").Description);
    }

    [Fact]
    public void Search_filters_by_label_and_description_and_says_when_nothing_matches()
    {
        Render<MudPopoverProvider>();
        var palette = Render<NodePalette>(p => p.Add(x => x.NodeTypes, _types));

        palette.Find("input[data-testid=palette-search]").Input("memory");
        palette.WaitForAssertion(() => palette.FindAll("[data-testid=palette-item]").Select(i => i.GetAttribute("data-node-type"))
            .Should().BeEquivalentTo(["memory_store", "memory_search"]));
        palette.FindAll("[data-testid=palette-group]").Select(g => g.GetAttribute("aria-label")).Should().Equal("AI & intelligence");

        palette.Find("input[data-testid=palette-search]").Input("cleanup");
        palette.WaitForAssertion(() => palette.FindAll("[data-testid=palette-item]").Select(i => i.GetAttribute("data-node-type"))
            .Should().Equal("maintenance"));

        palette.Find("input[data-testid=palette-search]").Input("no such node");
        palette.WaitForAssertion(() => palette.FindAll("[data-testid=palette-item]").Should().BeEmpty());
        palette.Find("[data-testid=palette-empty]").TextContent.Should().Contain("no such node");
    }

    [Fact]
    public void Pressing_an_item_asks_to_add_that_type()
    {
        string? added = null;
        Render<MudPopoverProvider>();
        var palette = Render<NodePalette>(p => p
            .Add(x => x.NodeTypes, _types)
            .Add(x => x.OnAdd, (string type) => added = type));

        palette.Find("[data-node-type=delay]").Click();

        added.Should().Be("delay");
    }

    private static IEnumerable<string?> ItemsOf(AngleSharp.Dom.IElement group) =>
        group.QuerySelectorAll("[data-testid=palette-item]").Select(i => i.GetAttribute("data-node-type"));

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
