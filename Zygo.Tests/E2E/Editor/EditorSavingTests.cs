using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>
/// Saving as a user meets it: autosave after a pause, a note with an explicit save, versions to restore, a clear
/// conflict when another tab saved first, import errors that say what is wrong, and a question before leaving.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorSavingTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
{
    private static readonly object[] Nodes =
    [
        new { id = "t1", type = "trigger", label = "Start", position = new { x = 80, y = 200 }, config = new { triggerMode = "manual" } },
        new { id = "c1", type = "code", label = "Work", position = new { x = 380, y = 200 }, config = new { language = "javascript", code = "return input;" } },
    ];

    private static readonly object[] EdgeList = [new { id = "e-a", source = "t1", target = "c1" }];

    [Fact]
    public async Task A_change_is_autosaved_after_a_pause_and_an_explicit_save_keeps_its_note()
    {
        var id = await fx.CreateWorkflowAsync("Autosave", Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);

        await editor.Node("c1").ClickAsync();
        await editor.PressOnCanvasAsync("Delete");
        await editor.WaitForUnsavedAsync();
        // Nobody presses save: two seconds after the last change the editor saves by itself.
        await Expect(editor.SaveState).ToHaveAttributeAsync("data-dirty", "false", new() { Timeout = 10_000 });
        await Expect(editor.SaveState).ToContainTextAsync("v2");
        (await fx.GetWorkflowAsync(id)).GetProperty("nodes").GetArrayLength().Should().Be(1);

        await editor.PressOnCanvasAsync("Control+z");
        await editor.WaitForUnsavedAsync();
        await page.ClickAsync("[data-testid=save-with-note]");
        await page.FillAsync("input[data-testid=save-note]", "Brought the code step back");
        await page.ClickAsync("[data-testid=save-note-submit]");
        await Expect(editor.SaveState).ToContainTextAsync("v3");

        var versions = await VersionsAsync(id);
        versions[0].GetProperty("changeNote").GetString().Should().Be("Brought the code step back");
        versions[1].GetProperty("changeNote").GetString().Should().Be("Autosaved");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_versions_drawer_restores_an_earlier_version_as_a_new_save()
    {
        var id = await fx.CreateWorkflowAsync("Restore", Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);
        await editor.Node("c1").ClickAsync();
        await editor.PressOnCanvasAsync("Delete");
        await editor.SaveAsync();

        await page.ClickAsync("[data-testid=more] button");
        await page.ClickAsync("[data-testid=versions]");
        var original = page.Locator("[data-testid=version-row][data-version='1']");
        await original.Locator("[data-testid=version-view]").ClickAsync();
        await Expect(original.Locator("[data-testid=version-detail]")).ToContainTextAsync("2 nodes, 1 connections");
        await original.Locator("[data-testid=version-restore]").ClickAsync();

        await Expect(editor.Nodes).ToHaveCountAsync(2);
        await Expect(editor.Edge("e-a")).ToHaveCountAsync(1);
        await Expect(editor.SaveState).ToContainTextAsync("v3");
        (await VersionsAsync(id))[0].GetProperty("changeNote").GetString().Should().Be("Restored version 1");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_second_tab_saving_over_a_newer_save_gets_a_conflict_with_reload_and_overwrite()
    {
        var id = await fx.CreateWorkflowAsync("Two tabs", Nodes, EdgeList);
        // Two windows (contexts), so both stay visible and keep painting, as two real browser tabs side by side would.
        var first = await fx.NewPageAsync();
        var second = await fx.NewPageAsync();
        var one = await fx.OpenEditorAsync(first, id, expectedNodes: 2);
        var two = await fx.OpenEditorAsync(second, id, expectedNodes: 2);

        await one.Node("c1").ClickAsync();
        await one.PressOnCanvasAsync("Delete");
        await one.SaveAsync();

        await two.DragFromPaletteAsync("delay", 400, 420);
        await two.WaitForUnsavedAsync();
        await second.ClickAsync("[data-testid=save]");
        var conflict = second.Locator("[data-testid=save-conflict]");
        await Expect(conflict).ToContainTextAsync("saved by someone else");
        (await fx.GetWorkflowAsync(id)).GetProperty("nodes").GetArrayLength().Should().Be(1, "the first tab's save stands");

        // Reload shows what the first tab saved; the second tab's delay node is dropped.
        await second.ClickAsync("[data-testid=conflict-reload]");
        await Expect(two.Nodes).ToHaveCountAsync(1);
        await Expect(conflict).ToHaveCountAsync(0);

        // Now the first tab is the stale one: it overwrites knowingly.
        await one.PressOnCanvasAsync("Control+z");
        await first.ClickAsync("[data-testid=save]");
        await Expect(first.Locator("[data-testid=save-conflict]")).ToHaveCountAsync(0);
        await Expect(one.SaveState).ToContainTextAsync("v3");
        await two.DragFromPaletteAsync("delay", 400, 420);
        await second.ClickAsync("[data-testid=save]");
        await Expect(conflict).ToBeVisibleAsync();
        await second.ClickAsync("[data-testid=conflict-overwrite]");
        await Expect(two.SaveState).ToContainTextAsync("v4");
        var saved = await fx.GetWorkflowAsync(id);
        saved.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("type").GetString()).Should().BeEquivalentTo(["trigger", "delay"]);
        await first.Context.DisposeAsync();
        await second.Context.DisposeAsync();
    }

    [Fact]
    public async Task Import_explains_a_malformed_file_and_loads_a_good_one()
    {
        var id = await fx.CreateWorkflowAsync("Import", Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);

        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload
        {
            Name = "broken.json", MimeType = "application/json", Buffer = "{ \"nodes\": [{ \"id\": \"a\" }] }"u8.ToArray(),
        });
        await Expect(page.GetByText("broken.json cannot be imported: Node 'a' needs a text \"type\".")).ToBeVisibleAsync();
        await Expect(editor.Nodes).ToHaveCountAsync(2);

        var good = JsonSerializer.SerializeToUtf8Bytes(new
        {
            name = "From a file",
            nodes = new object[]
            {
                new { id = "x1", type = "trigger", label = "Go", position = new { x = 0, y = 0 }, config = new { } },
                new { id = "x2", type = "filter", label = "Keep some", position = new { x = 300, y = 0 }, config = new { } },
                new { id = "x3", type = "delay", label = "Wait", position = new { x = 600, y = 0 }, config = new { } },
            },
            edges = new object[] { new { id = "ex", source = "x1", target = "x2" } },
        });
        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload { Name = "good.json", MimeType = "application/json", Buffer = good });
        await Expect(editor.Nodes).ToHaveCountAsync(3);
        await Expect(editor.Edge("ex")).ToHaveCountAsync(1);
        await editor.SaveAsync();
        (await fx.GetWorkflowAsync(id)).GetProperty("nodes").GetArrayLength().Should().Be(3);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first()
    {
        var id = await fx.CreateWorkflowAsync("Leave", Nodes, EdgeList);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);
        await editor.Node("c1").ClickAsync();
        await editor.PressOnCanvasAsync("Delete");
        await editor.WaitForUnsavedAsync();

        await page.ClickAsync("a[href='/workflows']");
        await Expect(page.GetByText("This workflow has changes that are not saved yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        page.Url.Should().EndWith($"/workflows/{id}");
        await Expect(editor.Nodes).ToHaveCountAsync(1);
        await page.Context.DisposeAsync();
    }

    private async Task<List<JsonElement>> VersionsAsync(Guid id)
    {
        var response = await fx.Api.GetAsync($"/api/v1/workflows/{id}/versions");
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
