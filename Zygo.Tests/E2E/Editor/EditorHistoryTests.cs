using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>Undo and redo bring a deleted node back with its edges and take it away again; copy/paste makes new ids.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorHistoryTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
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
    public async Task Undo_restores_a_deleted_node_with_its_edges_and_redo_removes_them_again()
    {
        var id = await fx.CreateWorkflowAsync("History", Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 3);
        await Expect(editor.Edges).ToHaveCountAsync(2);

        await editor.Node("c1").ClickAsync();
        await editor.PressOnCanvasAsync("Delete");
        await Expect(editor.Nodes).ToHaveCountAsync(2);
        await Expect(editor.Edges).ToHaveCountAsync(0);

        await page.Locator("[data-testid=undo]:not([disabled])").ClickAsync();
        await Expect(editor.Node("c1")).ToHaveCountAsync(1);
        await Expect(editor.Edge("e-a")).ToHaveCountAsync(1);
        await Expect(editor.Edge("e-b")).ToHaveCountAsync(1);

        await editor.PressOnCanvasAsync("Control+y");
        await Expect(editor.Node("c1")).ToHaveCountAsync(0);
        await Expect(editor.Edges).ToHaveCountAsync(0);

        await editor.PressOnCanvasAsync("Control+z");
        await Expect(editor.Nodes).ToHaveCountAsync(3);
        await Expect(editor.Edges).ToHaveCountAsync(2);

        // After all that the graph is as loaded: nothing left to save.
        await Expect(editor.SaveState).ToHaveAttributeAsync("data-dirty", "false");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_dragged_node_is_saved_at_its_new_place_and_undo_of_the_move_puts_it_back()
    {
        var id = await fx.CreateWorkflowAsync("Move", Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 3);
        var node = editor.Node("m1");
        var before = await EditorPage.PositionAsync(node);

        var box = (await node.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 120, box.Y + box.Height / 2 + 160, new() { Steps = 10 });
        await page.Mouse.UpAsync();
        var after = await EditorPage.PositionAsync(node);
        after.Should().NotBe(before);

        await editor.SaveAsync();
        var saved = (await fx.GetWorkflowAsync(id)).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "m1");
        (saved.GetProperty("position").GetProperty("x").GetDouble(), saved.GetProperty("position").GetProperty("y").GetDouble())
            .Should().Be(after);

        await editor.PressOnCanvasAsync("Control+z");
        await Expect(node).ToHaveAttributeAsync("transform", $"translate({before.X},{before.Y})");
        await editor.SaveAsync();
        saved = (await fx.GetWorkflowAsync(id)).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "m1");
        saved.GetProperty("position").GetProperty("x").GetDouble().Should().Be(before.X);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Copy_and_paste_of_a_rubber_band_selection_duplicates_nodes_and_their_edge_with_new_ids()
    {
        var id = await fx.CreateWorkflowAsync("Clipboard", Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 3);

        // Shift+drag a box around the trigger and the code node (not the email node).
        var start = (await editor.Node("t1").BoundingBoxAsync())!;
        var end = (await editor.Node("c1").BoundingBoxAsync())!;
        await page.Keyboard.DownAsync("Shift");
        await page.Mouse.MoveAsync(start.X - 20, start.Y - 30);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(end.X + end.Width + 20, end.Y + end.Height + 30, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.Keyboard.UpAsync("Shift");

        await editor.PressOnCanvasAsync("Control+c");
        await editor.PressOnCanvasAsync("Control+v");
        await Expect(editor.Nodes).ToHaveCountAsync(5);
        await Expect(editor.Edges).ToHaveCountAsync(3);

        // The copied trigger is a second trigger: the engine's validator flags it on the node and in the panel.
        var copiedTrigger = editor.NodeOfType("trigger").And(page.Locator(":not([data-cell-id='t1'])"));
        await Expect(copiedTrigger.Locator(".zygo-problem")).ToHaveAttributeAsync("visibility", "visible");
        await Expect(editor.Node("t1").Locator(".zygo-problem")).ToHaveAttributeAsync("visibility", "hidden");
        await Expect(page.Locator("[data-testid=problems]")).ToContainTextAsync("1 problem");
        // The copies are selected after the paste; Escape clears that so a click picks one node.
        await editor.PressOnCanvasAsync("Escape");
        await copiedTrigger.ClickAsync();
        await Expect(page.Locator("[data-testid=node-problems]")).ToContainTextAsync("second trigger");
        await editor.SaveAsync();

        var saved = await fx.GetWorkflowAsync(id);
        var nodes = saved.GetProperty("nodes").EnumerateArray().ToList();
        var ids = nodes.Select(n => n.GetProperty("id").GetString()!).ToList();
        ids.Should().OnlyHaveUniqueItems();
        var copies = nodes.Where(n => n.GetProperty("id").GetString() is not ("t1" or "c1" or "m1")).ToList();
        copies.Select(n => n.GetProperty("type").GetString()).Should().BeEquivalentTo(["trigger", "code"]);
        copies.Select(n => n.GetProperty("label").GetString()).Should().BeEquivalentTo(["Start", "Work"]);
        var copyIds = copies.Select(n => n.GetProperty("id").GetString()).ToHashSet();
        var copiedEdges = saved.GetProperty("edges").EnumerateArray()
            .Where(e => copyIds.Contains(e.GetProperty("source").GetString()) || copyIds.Contains(e.GetProperty("target").GetString()))
            .ToList();
        copiedEdges.Should().ContainSingle("only the edge between the two copied nodes is copied");
        copyIds.Should().Contain(copiedEdges[0].GetProperty("source").GetString()).And.Contain(copiedEdges[0].GetProperty("target").GetString());
        copiedEdges[0].GetProperty("id").GetString().Should().NotBe("e-a");
        await page.Context.DisposeAsync();
    }
}
