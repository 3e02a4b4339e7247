using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>The editor by keyboard and on tablet widths: the shortcuts list, adding from the palette, the icon rail.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorAccessTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
{
    private static readonly object[] Nodes =
    [
        new { id = "a1", type = "ai_agent", label = "Agent", position = new { x = 400, y = 260 }, config = new { } },
        new { id = "c1", type = "code", label = "Work", position = new { x = 120, y = 120 }, config = new { language = "javascript", code = "return input;" } },
    ];

    [Fact]
    public async Task Question_mark_and_the_toolbar_button_list_every_shortcut_but_not_while_typing()
    {
        var (page, editor) = await OpenAsync("Shortcuts");

        await editor.PressOnCanvasAsync("?");
        var dialog = page.Locator("[data-testid=shortcut]");
        await Expect(dialog.First).ToBeVisibleAsync();
        foreach (var keys in new[] { "Ctrl+S", "Ctrl+Z", "Ctrl+Y", "Ctrl+C", "Ctrl+V", "Delete", "Ctrl+A", "Arrow keys", "Shift+F10", "Esc", "Ctrl+Enter", "?" })
        {
            await Expect(dialog.Locator("kbd", new() { HasTextString = keys }).First).ToBeVisibleAsync();
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ClickAsync("[data-testid=shortcuts]");
        await Expect(dialog.First).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=shortcuts-close]");
        await Expect(dialog).ToHaveCountAsync(0);

        await editor.Node("c1").DblClickAsync();
        await page.FillAsync("#node-label", "");
        await page.Locator("#node-label").PressSequentiallyAsync("Why?");
        await Expect(page.Locator("#node-label")).ToHaveValueAsync("Why?");
        await Expect(dialog).ToHaveCountAsync(0);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Enter_on_a_palette_item_adds_that_node_near_the_agent()
    {
        var (page, editor) = await OpenAsync("Palette keys");
        var item = page.Locator("[data-testid=palette-item][data-node-type=http_api]");
        await Expect(item).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Add HTTP API: "));

        await item.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(editor.NodeOfType("http_api")).ToHaveCountAsync(1);
        var added = await EditorPage.PositionAsync(editor.NodeOfType("http_api"));
        var agent = await EditorPage.PositionAsync(editor.Node("a1"));
        Math.Abs(added.X - agent.X).Should().BeLessThan(400);
        Math.Abs(added.Y - agent.Y).Should().BeLessThan(300);
        await page.Context.DisposeAsync();
    }

    [Theory]
    [InlineData(820)]
    [InlineData(1024)]
    public async Task At_tablet_width_the_palette_is_a_rail_that_opens_over_the_canvas(int width)
    {
        var id = await fx.CreateWorkflowAsync($"Customer support assistant for tablets {width}", Nodes);
        var page = await fx.NewPageAsync(width, 1180);
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);
        var palette = page.Locator("nav.zygo-palette");
        var label = palette.Locator(".zygo-palette-label").First;

        await Expect(label).ToBeHiddenAsync();
        (await palette.BoundingBoxAsync())!.Width.Should().BeLessThan(80, "the closed palette is a rail of icons");
        var canvasWidth = (await editor.Canvas.BoundingBoxAsync())!.Width;
        canvasWidth.Should().BeGreaterThan(width * 0.55f, "the canvas keeps most of the width");
        // Every tool on one line: Run and Save show only their icons, and keep their names.
        var run = (await page.Locator("[data-testid=run]").BoundingBoxAsync())!;
        var more = (await page.Locator("[data-testid=more]").BoundingBoxAsync())!;
        (more.Y + more.Height / 2).Should().BeApproximately(run.Y + run.Height / 2, 4, "the last tool is on the first tool's line");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, $"polish-{width}-rail");

        await page.ClickAsync("[data-testid=palette-toggle]");
        await Expect(palette).ToHaveAttributeAsync("data-open", "true");
        await Expect(label).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=palette-search]")).ToBeVisibleAsync();
        (await editor.Canvas.BoundingBoxAsync())!.Width.Should().Be(canvasWidth, "the open palette lies over the canvas");
        await Screenshots.SaveAsync(page, $"polish-{width}-palette");

        await palette.Locator("[data-node-type=filter]").ClickAsync();
        await Expect(editor.NodeOfType("filter")).ToHaveCountAsync(1);
        await Expect(palette).ToHaveAttributeAsync("data-open", "false");

        await editor.Node("c1").DblClickAsync();
        await Expect(page.Locator("[data-testid=node-panel]")).ToBeVisibleAsync();
        (await editor.Canvas.BoundingBoxAsync())!.Width.Should().Be(canvasWidth, "the panel lies over the canvas");
        await Screenshots.SaveAsync(page, $"polish-{width}-panel");
        await page.Context.DisposeAsync();
    }

    private async Task<(IPage Page, EditorPage Editor)> OpenAsync(string name)
    {
        var id = await fx.CreateWorkflowAsync(name, Nodes);
        var page = await fx.NewPageAsync();
        return (page, await fx.OpenEditorAsync(page, id, expectedNodes: 2));
    }
}
