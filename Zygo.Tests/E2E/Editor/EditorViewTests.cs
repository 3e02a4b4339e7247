using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>Looking at a workflow: auto-layout puts the agent's tools around it, zoom and minimap move the view, exports download.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorViewTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
{
    // No positions: the editor lays the graph out when it opens.
    private static readonly object[] AgentNodes =
    [
        new { id = "start", type = "trigger", label = "Start", config = new { triggerMode = "manual" } },
        new { id = "agent", type = "ai_agent", label = "Agent", config = new { } },
        new { id = "kb", type = "rag_context", label = "Knowledge", config = new { } },
        new { id = "api", type = "http_api", label = "Orders", config = new { } },
        new { id = "mail", type = "email", label = "Mail", config = new { } },
        new { id = "code", type = "code", label = "Reply", config = new { } },
    ];

    private static readonly object[] AgentEdges =
    [
        new { id = "e1", source = "start", target = "agent" },
        new { id = "e2", source = "agent", target = "kb" },
        new { id = "e3", source = "agent", target = "api" },
        new { id = "e4", source = "mail", target = "agent" },
        new { id = "e5", source = "agent", target = "code", sourceHandle = "tool" },
    ];

    [Fact]
    public async Task A_workflow_without_positions_opens_with_the_tools_in_a_ring_around_the_agent()
    {
        var id = await fx.CreateWorkflowAsync("Layout", AgentNodes, AgentEdges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 6);

        var agent = await CentreAsync(editor, "agent");
        var distances = new List<double>();
        foreach (var tool in new[] { "kb", "api", "mail", "code" })
        {
            var c = await CentreAsync(editor, tool);
            distances.Add(Math.Sqrt(Math.Pow(c.X - agent.X, 2) + Math.Pow(c.Y - agent.Y, 2)));
        }

        distances.Max().Should().BeApproximately(distances.Min(), 1, "every tool sits on the same ring around the agent");
        distances.Min().Should().BeGreaterThan(150, "the ring leaves room around the hub");
        (await CentreAsync(editor, "start")).X.Should().BeLessThan(agent.X, "the flow runs left to right into the agent");

        // Capability links are drawn dashed; the trigger's edge into the agent is ordinary flow.
        (await editor.Edge("e2").Locator("path").Nth(1).GetAttributeAsync("stroke-dasharray")).Should().Be("6 4");
        (await editor.Edge("e1").Locator("path").Nth(1).GetAttributeAsync("stroke-dasharray")).Should().BeNull();
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Pressing_a_palette_item_adds_that_node_next_to_the_agent()
    {
        var id = await fx.CreateWorkflowAsync("Click to add", AgentNodes, AgentEdges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 6);

        await page.Locator("[data-testid=palette-item][data-node-type=delay]").PressAsync("Enter");
        await Expect(editor.NodeOfType("delay")).ToHaveCountAsync(1);
        var added = await EditorPage.PositionAsync(editor.NodeOfType("delay"));
        var agent = await CentreAsync(editor, "agent");
        Math.Sqrt(Math.Pow(added.X + 92 - agent.X, 2) + Math.Pow(added.Y + 22 - agent.Y, 2))
            .Should().BeLessThan(800, "a pressed palette item lands near the agent, not somewhere off-screen");
        await editor.WaitForUnsavedAsync();
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Dragging_the_background_pans_the_view_without_moving_the_nodes()
    {
        var id = await fx.CreateWorkflowAsync("Pan", AgentNodes, AgentEdges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 6);
        var onScreen = (await editor.Node("agent").BoundingBoxAsync())!;
        var inGraph = await EditorPage.PositionAsync(editor.Node("agent"));
        var canvas = (await editor.Canvas.BoundingBoxAsync())!;

        await page.Mouse.MoveAsync(canvas.X + 20, canvas.Y + canvas.Height - 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(canvas.X + 120, canvas.Y + canvas.Height - 70, new MouseMoveOptions { Steps = 5 });
        // While the pointer moves, the drawing moves as one layer; x6 translates the graph only at mouse-up.
        (await editor.Canvas.Locator("svg.x6-graph-svg").EvaluateAsync<string>("svg => svg.style.transform"))
            .Should().Be("translate(100px, -50px)");
        await page.Mouse.UpAsync();

        var moved = (await editor.Node("agent").BoundingBoxAsync())!;
        moved.X.Should().BeApproximately(onScreen.X + 100, 1);
        moved.Y.Should().BeApproximately(onScreen.Y - 50, 1);
        (await EditorPage.PositionAsync(editor.Node("agent"))).Should().Be(inGraph, "panning moves the view, not the node");
        (await editor.Canvas.GetAttributeAsync("class")).Should().NotContain("zygo-panning");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Zoom_buttons_fit_and_the_minimap_move_the_view()
    {
        var (nodes, edges) = LargeGraph.Build(60, 70);
        var id = await fx.CreateWorkflowAsync("View", nodes, edges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 60);
        var viewport = page.Locator("[data-testid=canvas] g.x6-graph-svg-viewport");

        var fitted = await editor.ScaleAsync();
        // The buttons act through the circuit and the canvas: the view changes a moment after the click returns.
        await page.ClickAsync("[data-testid=zoom-in]");
        (await ScaleWhenAsync(editor, s => s > fitted)).Should().BeGreaterThan(fitted);
        await page.ClickAsync("[data-testid=zoom-fit]");
        (await ScaleWhenAsync(editor, s => Math.Abs(s - fitted) < 0.001)).Should().BeApproximately(fitted, 0.001);

        var before = await viewport.GetAttributeAsync("transform");
        var minimap = page.Locator("[data-testid=canvas] + .zygo-minimap canvas");
        await minimap.ClickAsync(new() { Position = new Position { X = 190, Y = 120 } });
        await Expect(viewport).Not.ToHaveAttributeAsync("transform", before!);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Exports_download_the_workflow_json_and_png_and_svg_images()
    {
        var id = await fx.CreateWorkflowAsync("Export", AgentNodes, AgentEdges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 6);

        var json = await editor.DownloadAsync("export-json");
        using (var doc = System.Text.Json.JsonDocument.Parse(json))
        {
            doc.RootElement.GetProperty("name").GetString().Should().StartWith("Export");
            doc.RootElement.GetProperty("nodes").GetArrayLength().Should().Be(6);
            doc.RootElement.GetProperty("edges").GetArrayLength().Should().Be(5);
        }

        (await editor.DownloadAsync("export-png")).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        System.Text.Encoding.UTF8.GetString(await editor.DownloadAsync("export-svg")).Should().Contain("<svg").And.Contain("Orders");
        await page.Context.DisposeAsync();
    }

    private static async Task<(double X, double Y)> CentreAsync(EditorPage editor, string nodeId)
    {
        var (x, y) = await EditorPage.PositionAsync(editor.Node(nodeId));
        var (width, height) = nodeId == "agent" ? (128, 128) : (184, 44); // the hub and the pill of the canvas's shapes
        return (x + width / 2.0, y + height / 2.0);
    }

    /// <summary>The scale once <paramref name="done"/> holds, or the last one read after five seconds.</summary>
    private static async Task<double> ScaleWhenAsync(EditorPage editor, Func<double, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var scale = await editor.ScaleAsync();
        while (!done(scale) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            scale = await editor.ScaleAsync();
        }

        return scale;
    }
}
