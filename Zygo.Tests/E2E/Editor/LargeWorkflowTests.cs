using System.Diagnostics;
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
}
