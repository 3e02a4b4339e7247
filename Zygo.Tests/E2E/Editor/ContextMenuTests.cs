using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>The canvas's right-click menu on nodes and the background, by mouse and by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContextMenuTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
{
    private static readonly object[] Nodes =
    [
        new { id = "t1", type = "trigger", label = "Start", position = new { x = 80, y = 200 }, config = new { triggerMode = "manual" } },
        new { id = "c1", type = "code", label = "Work", position = new { x = 380, y = 200 }, config = new { language = "javascript", code = "return input;" } },
        new { id = "m1", type = "email", label = "Tell", position = new { x = 680, y = 200 }, config = new { } },
    ];

    private static readonly object[] EdgeList =
    [
        new { id = "e-a", source = "t1", target = "c1" },
        new { id = "e-b", source = "c1", target = "m1" },
    ];

    [Fact]
    public async Task Delete_in_the_menu_of_a_node_removes_it_with_its_edges()
    {
        var (page, editor, id) = await OpenAsync("Menu delete");

        await editor.Node("c1").ClickAsync(new() { Button = MouseButton.Right });
        await Expect(Menu(page)).ToHaveAttributeAsync("data-kind", "node");
        await Item(page, "Delete").ClickAsync();

        await Expect(Menu(page)).ToHaveCountAsync(0);
        await Expect(editor.Node("c1")).ToHaveCountAsync(0);
        await Expect(editor.Edges).ToHaveCountAsync(0);
        await editor.SaveAsync();
        (await fx.GetWorkflowAsync(id)).GetProperty("nodes").GetArrayLength().Should().Be(2);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Duplicate_adds_a_copy_with_a_new_id_and_the_same_configuration()
    {
        var (page, editor, id) = await OpenAsync("Menu duplicate");

        await editor.Node("c1").ClickAsync(new() { Button = MouseButton.Right });
        await Item(page, "Duplicate").ClickAsync();
        await Expect(editor.Nodes).ToHaveCountAsync(4);

        await editor.SaveAsync();
        var works = (await fx.GetWorkflowAsync(id)).GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("label").GetString() == "Work").ToList();
        works.Should().HaveCount(2);
        works.Select(n => n.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems().And.Contain("c1");
        works.Should().OnlyContain(n => n.GetProperty("config").GetProperty("code").GetString() == "return input;");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Paste_here_puts_the_copied_node_at_the_pointer()
    {
        var (page, editor, id) = await OpenAsync("Menu paste");
        await editor.Node("m1").ClickAsync(new() { Button = MouseButton.Right });
        await Item(page, "Copy").ClickAsync();

        var canvas = (await editor.Canvas.BoundingBoxAsync())!;
        var (x, y) = (canvas.X + 220, canvas.Y + canvas.Height - 120);
        await page.Mouse.ClickAsync(x, y, new() { Button = MouseButton.Right });
        await Expect(Menu(page)).ToHaveAttributeAsync("data-kind", "blank");
        await Item(page, "Paste here").ClickAsync();

        await Expect(editor.Nodes).ToHaveCountAsync(4);
        var copies = await editor.NodeOfType("email").AllAsync();
        copies.Should().HaveCount(2);
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var copy in copies)
        {
            boxes.Add((await copy.Locator(".zygo-node-body").BoundingBoxAsync())!);
        }

        boxes.Should().Contain(b => Math.Abs(b.X - x) < 8 && Math.Abs(b.Y - y) < 8, "the copy's top left is where the menu was opened at ({0}, {1})", x, y);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_menu_works_by_keyboard_and_escape_closes_it()
    {
        var (page, editor, id) = await OpenAsync("Menu keys");
        await editor.Node("c1").ClickAsync();

        await editor.PressOnCanvasAsync("Shift+F10");
        await Expect(Menu(page)).ToHaveAttributeAsync("data-kind", "node");
        await Expect(Item(page, "Open configuration")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(Item(page, "Duplicate")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(Item(page, "Zoom to fit")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(Item(page, "Open configuration")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(Menu(page)).ToHaveCountAsync(0);
        await Expect(editor.Canvas).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Shift+F10");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=node-panel]")).ToBeVisibleAsync();
        await Expect(page.Locator("#node-label")).ToHaveValueAsync("Work");
        await page.Context.DisposeAsync();
    }

    private async Task<(IPage Page, EditorPage Editor, Guid Id)> OpenAsync(string name)
    {
        var id = await fx.CreateWorkflowAsync(name, Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        return (page, await fx.OpenEditorAsync(page, id, expectedNodes: 3), id);
    }

    private static ILocator Menu(IPage page) => page.Locator("[data-testid=context-menu]");

    private static ILocator Item(IPage page, string label) =>
        Menu(page).GetByRole(AriaRole.Menuitem).Filter(new() { HasText = label });
}
