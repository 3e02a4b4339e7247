using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>
/// A 1000-node, 1200-edge workflow opens, paints, and leaves the Blazor circuit working: the whole graph travels
/// between browser and server as one message, far larger than SignalR's default 32 KB.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeWorkflowTests(EditorAppFixture fx, ITestOutputHelper output) : IClassFixture<EditorAppFixture>
{
    public const int NodeCount = 1000;
    public const int EdgeCount = 1200;

    [Fact]
    public async Task A_1000_node_workflow_opens_and_the_circuit_stays_connected()
    {
        var (nodes, edges) = LargeGraph.Build(NodeCount, EdgeCount);
        var id = await fx.CreateWorkflowAsync("Large", nodes, edges);
        var page = await fx.NewPageAsync();

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(fx.App.ServerAddress, $"/workflows/{id}").ToString());
        var editor = new EditorPage(page);
        await editor.Nodes.First.WaitForAsync(new() { Timeout = 60_000 });
        var painted = clock.ElapsedMilliseconds;
        await page.Locator("[data-testid=editor]:not([data-graph-revision='0'])").WaitForAsync(new() { Timeout = 60_000 });
        var inDotNet = clock.ElapsedMilliseconds;
        output.WriteLine($"{NodeCount} nodes / {EdgeCount} edges: first paint {painted} ms after navigation, graph back in .NET after {inDotNet} ms");

        // A round trip through the circuit: the panel is rendered by .NET from the graph the canvas handed over.
        var node = editor.Nodes.First;
        var nodeId = await EditorPage.IdAsync(node);
        await node.DblClickAsync();
        await Expect(page.Locator("[data-testid=node-panel]")).ToContainTextAsync(nodeId);
        await page.ClickAsync("[data-testid=zoom-fit]");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.GetByText("Nothing to save")).ToBeVisibleAsync();
        await Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_large_workflow_opens_at_a_readable_zoom_drawing_only_what_is_around_the_view_and_fit_draws_all()
    {
        var (nodes, edges) = LargeGraph.Build(NodeCount, EdgeCount);
        var id = await fx.CreateWorkflowAsync("Large view", nodes, edges);
        var editor = await fx.OpenLargeEditorAsync(await fx.NewPageAsync(), id, "n0");

        (await editor.ScaleAsync()).Should().Be(0.5, "a thousand nodes fitted in the window would be too small to read");
        await Expect(editor.Node("n0")).ToHaveCountAsync(1);
        var drawn = await editor.Nodes.CountAsync();
        drawn.Should().BeInRange(1, NodeCount / 2, "only the nodes in and around the view are drawn");
        await Expect(editor.Node("n999")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(editor.Page, "large-opened");

        await editor.Page.ClickAsync("[data-testid=zoom-fit]");
        await Expect(editor.Nodes).ToHaveCountAsync(NodeCount, new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(editor.Page, "large-fitted");
        await editor.Page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_dragged_node_of_a_large_workflow_keeps_its_new_place_after_saving_and_reloading()
    {
        var (nodes, edges) = LargeGraph.Build(NodeCount, EdgeCount);
        var id = await fx.CreateWorkflowAsync("Large drag", nodes, edges);
        var editor = await fx.OpenLargeEditorAsync(await fx.NewPageAsync(), id, "n0");
        var before = await EditorPage.PositionAsync(editor.Node("n3"));

        // Only the moved position travels to .NET; the saved graph must still have it, and every other node as it was.
        var box = (await editor.Node("n3").Locator("rect").First.BoundingBoxAsync())!;
        await editor.Page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await editor.Page.Mouse.DownAsync();
        await editor.Page.Mouse.MoveAsync(box.X + box.Width / 2 + 37, box.Y + box.Height / 2 + 300, new() { Steps = 8 });
        await editor.Page.Mouse.UpAsync();
        var moved = await EditorPage.PositionAsync(editor.Node("n3"));
        moved.Should().NotBe(before);
        await editor.SaveAsync();

        var saved = (await fx.GetWorkflowAsync(id)).GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("id").GetString()!, n => (n.GetProperty("position").GetProperty("x").GetDouble(), n.GetProperty("position").GetProperty("y").GetDouble()));
        saved["n3"].Should().Be(moved);
        saved["n4"].Should().Be(await EditorPage.PositionAsync(editor.Node("n4")));
        saved.Should().HaveCount(NodeCount);

        await editor.Page.ReloadAsync();
        await Expect(editor.Node("n3")).ToHaveAttributeAsync("transform", new Regex($@"translate\({moved.X},\s*{moved.Y}\)"));
        await editor.Page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_svg_export_of_a_large_workflow_has_every_node_not_only_the_drawn_ones()
    {
        var (nodes, edges) = LargeGraph.Build(NodeCount, EdgeCount);
        var id = await fx.CreateWorkflowAsync("Large export", nodes, edges);
        var editor = await fx.OpenLargeEditorAsync(await fx.NewPageAsync(), id, "n0");

        var svg = Encoding.UTF8.GetString(await editor.DownloadAsync("export-svg"));
        Regex.Count(svg, "data-shape=\"zygo-node-").Should().Be(NodeCount);
        // x6 writes the label's space as a no-break space.
        Regex.IsMatch(svg, @">Step\s999<").Should().BeTrue("the last node's label is in the export");
        (await editor.Nodes.CountAsync()).Should().BeLessThan(NodeCount, "after the export only the view is drawn again");
        await editor.Page.Context.DisposeAsync();
    }
}
