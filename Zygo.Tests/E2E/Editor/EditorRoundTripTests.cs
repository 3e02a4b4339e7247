using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>
/// The editor's main path in a real browser: nodes dragged from the palette land where they are dropped, get
/// connected, labelled and described in the side panel, are saved, and come back the same after a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorRoundTripTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
{
    [Fact]
    public async Task Nodes_dragged_from_the_palette_connected_and_described_are_the_same_after_save_and_reload()
    {
        var id = await fx.CreateWorkflowAsync("Round trip");
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 0);

        await editor.DragFromPaletteAsync("trigger", 160, 160);
        await editor.DragFromPaletteAsync("code", 460, 160);
        await editor.DragFromPaletteAsync("email", 760, 320);
        await Expect(editor.Nodes).ToHaveCountAsync(3);

        var canvasBox = (await editor.Canvas.BoundingBoxAsync())!;
        var emailBox = (await editor.NodeOfType("email").BoundingBoxAsync())!;
        (emailBox.X + emailBox.Width / 2 - canvasBox.X).Should().BeApproximately(760, 30, "the node lands where it was dropped");
        (emailBox.Y + emailBox.Height / 2 - canvasBox.Y).Should().BeApproximately(320, 30, "the node lands where it was dropped");

        var trigger = editor.NodeOfType("trigger");
        var code = editor.NodeOfType("code");
        var email = editor.NodeOfType("email");
        await editor.ConnectAsync(trigger, "out", code, "in");
        await editor.ConnectAsync(code, "out", email, "in");
        await Expect(editor.Edges).ToHaveCountAsync(2);

        await code.DblClickAsync();
        await Expect(page.Locator("[data-testid=node-panel]")).ToBeVisibleAsync();
        // The configuration form in the panel: the code field and a number field, committed on leaving them; the label change after them shows they reached the canvas.
        var codeField = page.Locator("[data-testid=code-field][data-enhanced=true]").GetByRole(AriaRole.Textbox, new() { Name = "Code", Exact = true });
        await codeField.FillAsync("return { total: input.lines.length };");
        // Tab indents inside the code editor; Escape first lets it move focus on (CodeMirror's keyboard escape hatch).
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Tab");
        var timeoutField = page.GetByRole(AriaRole.Spinbutton, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Timeout") });
        await timeoutField.FillAsync("25");
        await page.Keyboard.PressAsync("Tab");
        await page.FillAsync("#node-label", "Compute total");
        await page.Keyboard.PressAsync("Tab");
        await page.FillAsync("#node-description", "Adds up the order lines and returns the total.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(code).ToContainTextAsync("Compute total");

        await editor.SaveAsync();
        var ids = new Dictionary<string, string>
        {
            ["trigger"] = await EditorPage.IdAsync(trigger),
            ["code"] = await EditorPage.IdAsync(code),
            ["email"] = await EditorPage.IdAsync(email),
        };
        var positions = new Dictionary<string, (double X, double Y)>();
        foreach (var (type, nodeId) in ids)
        {
            positions[type] = await EditorPage.PositionAsync(editor.Node(nodeId));
        }

        await page.ReloadAsync();
        await editor.WaitUntilLoadedAsync(3);
        await Expect(editor.Edges).ToHaveCountAsync(2);
        foreach (var (type, nodeId) in ids)
        {
            (await EditorPage.PositionAsync(editor.Node(nodeId))).Should().Be(positions[type], "{0} keeps its place", type);
        }

        await editor.Node(ids["code"]).DblClickAsync();
        await Expect(page.Locator("#node-label")).ToHaveValueAsync("Compute total");
        await Expect(page.Locator("#node-description")).ToHaveValueAsync("Adds up the order lines and returns the total.");

        // The API reads the same graph: what the editor saved is the workflow, not a browser-side copy.
        var saved = await fx.GetWorkflowAsync(id);
        var nodes = saved.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        nodes.Keys.Should().BeEquivalentTo(ids.Values);
        var codeNode = nodes[ids["code"]];
        codeNode.GetProperty("type").GetString().Should().Be("code");
        codeNode.GetProperty("label").GetString().Should().Be("Compute total");
        codeNode.GetProperty("description").GetString().Should().Be("Adds up the order lines and returns the total.");
        codeNode.GetProperty("config").GetProperty("language").GetString().Should().NotBeNullOrEmpty("a new node starts with its type's defaults");
        codeNode.GetProperty("config").GetProperty("code").GetString().Should().Be("return { total: input.lines.length };");
        codeNode.GetProperty("config").GetProperty("timeout").GetDouble().Should().Be(25);
        foreach (var (type, nodeId) in ids)
        {
            var position = nodes[nodeId].GetProperty("position");
            (position.GetProperty("x").GetDouble(), position.GetProperty("y").GetDouble()).Should().Be(positions[type]);
        }

        var edges = saved.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("source").GetString(), e.GetProperty("target").GetString())).ToList();
        edges.Should().BeEquivalentTo(new[] { (ids["trigger"], ids["code"]), (ids["code"], ids["email"]) });
        saved.GetProperty("version").GetInt32().Should().Be(2, "one save after the create");

        await page.Context.DisposeAsync();
    }
}
