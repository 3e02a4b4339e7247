using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.E2E.Editor;

/// <summary>The workflow editor in a browser page: what a test looks at and does on the canvas.</summary>
public sealed partial class EditorPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Canvas => Page.Locator("[data-testid=canvas]");
    public ILocator Nodes => Canvas.Locator("g.x6-node");
    public ILocator Edges => Canvas.Locator("g.x6-edge");
    public ILocator SaveState => Page.Locator("[data-testid=save-state]");

    public ILocator NodeOfType(string type) => Canvas.Locator($"g.x6-node[data-shape='zygo-node-{type}']");
    public ILocator Node(string id) => Canvas.Locator($"g.x6-node[data-cell-id='{id}']");
    public ILocator Edge(string id) => Canvas.Locator($"g.x6-edge[data-cell-id='{id}']");

    public async Task WaitUntilLoadedAsync(int expectedNodes)
    {
        await Chromium.WaitForInteractiveAsync(Page);
        // The revision turns 1 once .NET has the canvas's rendering of the loaded graph.
        await Page.Locator("[data-testid=editor]:not([data-graph-revision='0'])").WaitForAsync();
        await Assertions.Expect(Nodes).ToHaveCountAsync(expectedNodes);
    }

    /// <summary>Drags a palette item onto the canvas and drops it at (x, y) relative to the canvas's top left.</summary>
    public async Task DragFromPaletteAsync(string type, float x, float y)
    {
        var before = await Nodes.CountAsync();
        var item = Page.Locator($"[data-testid=palette-item][data-node-type='{type}']");
        await item.ScrollIntoViewIfNeededAsync();
        var from = (await item.BoundingBoxAsync())!;
        var canvas = (await Canvas.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(canvas.X + x, canvas.Y + y, new MouseMoveOptions { Steps = 12 });
        await Page.Mouse.UpAsync();
        await Assertions.Expect(NodeOfType(type)).Not.ToHaveCountAsync(0);
        await Assertions.Expect(Nodes).ToHaveCountAsync(before + 1);
    }

    /// <summary>Draws an edge from a port of one node to a port of another.</summary>
    public async Task ConnectAsync(ILocator source, string sourcePort, ILocator target, string targetPort)
    {
        var from = (await source.Locator($"[port='{sourcePort}']").BoundingBoxAsync())!;
        var to = (await target.Locator($"[port='{targetPort}']").BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new MouseMoveOptions { Steps = 10 });
        await Page.Mouse.UpAsync();
    }

    /// <summary>The node's position in graph coordinates, as the canvas draws it (its translate transform).</summary>
    public static async Task<(double X, double Y)> PositionAsync(ILocator node)
    {
        var transform = await node.GetAttributeAsync("transform") ?? "";
        var match = Translate().Match(transform);
        match.Success.Should().BeTrue("a node is placed by translate(x,y), not '{0}'", transform);
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    public static async Task<string> IdAsync(ILocator node) => (await node.GetAttributeAsync("data-cell-id"))!;

    /// <summary>Waits until .NET has heard of the latest change (the page shows unsaved changes).</summary>
    public Task WaitForUnsavedAsync() => Assertions.Expect(SaveState).ToHaveAttributeAsync("data-dirty", "true");

    public async Task SaveAsync()
    {
        await WaitForUnsavedAsync();
        await Page.ClickAsync("[data-testid=save]");
        await Assertions.Expect(SaveState).ToHaveAttributeAsync("data-dirty", "false");
        await Assertions.Expect(SaveState).ToContainTextAsync("Saved");
    }

    public async Task PressOnCanvasAsync(string keys)
    {
        await Canvas.FocusAsync();
        await Page.Keyboard.PressAsync(keys);
    }

    /// <summary>The canvas's scale, from the matrix x6 places its drawing with.</summary>
    public async Task<double> ScaleAsync()
    {
        var transform = await Canvas.Locator("g.x6-graph-svg-viewport").GetAttributeAsync("transform") ?? "";
        var match = Matrix().Match(transform);
        match.Success.Should().BeTrue("the viewport is placed by matrix(a,b,c,d,e,f), not '{0}'", transform);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Picks an item of the toolbar's "more" menu and returns the file it downloads.</summary>
    public async Task<byte[]> DownloadAsync(string item)
    {
        await Page.ClickAsync("[data-testid=more] button");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync($"[data-testid={item}]"));
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    [GeneratedRegex(@"translate\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)")]
    private static partial Regex Translate();

    [GeneratedRegex(@"matrix\(\s*(-?[\d.]+)")]
    private static partial Regex Matrix();
}
