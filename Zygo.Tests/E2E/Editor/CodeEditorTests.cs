using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>The code node's code in the CodeMirror editor: highlighted as typed, saved, and shown again after a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CodeEditorTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
{
    private static readonly object[] Nodes =
    [
        new { id = "t1", type = "trigger", label = "Start", position = new { x = 80, y = 200 }, config = new { triggerMode = "manual" } },
        new { id = "c1", type = "code", label = "Work", position = new { x = 380, y = 200 }, config = new { language = "javascript", code = "return input;" } },
    ];

    [Fact]
    public async Task Typed_code_is_highlighted_saved_and_shown_again_after_a_reload()
    {
        var id = await fx.CreateWorkflowAsync("Code editor", Nodes, new[] { new { id = "e1", source = "t1", target = "c1" } });
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);

        await editor.Node("c1").DblClickAsync();
        var code = CodeEditor(page);
        await Expect(code).ToHaveTextAsync("return input;");
        await Expect(page.Locator(".cm-lineNumbers")).ToBeVisibleAsync();
        // Screen readers hear the field's label on the editing surface.
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Code", Exact = true })).ToHaveClassAsync(new Regex("cm-content"));

        await code.ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.TypeAsync("const answer = 'forty-two';");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("return { answer };");
        await Expect(code.Locator(".tok-keyword", new() { HasText = "const" })).ToHaveCountAsync(1);
        await Expect(code.Locator(".tok-string")).ToHaveTextAsync("'forty-two'");
        // Typing stays in the browser until it pauses: then .NET has the text and the page has something to save.
        await editor.SaveAsync();

        var saved = (await fx.GetWorkflowAsync(id)).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "c1");
        saved.GetProperty("config").GetProperty("code").GetString().Should().Be("const answer = 'forty-two';\nreturn { answer };");

        await page.ReloadAsync();
        await editor.WaitUntilLoadedAsync(2);
        await editor.Node("c1").DblClickAsync();
        await Expect(CodeEditor(page).Locator(".cm-line")).ToHaveTextAsync(["const answer = 'forty-two';", "return { answer };"]);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Python_code_is_highlighted_as_python()
    {
        var nodes = new object[] { new { id = "p1", type = "code", label = "Py", position = new { x = 200, y = 200 }, config = new { language = "python", code = "def main(data):\n    return data" } } };
        var id = await fx.CreateWorkflowAsync("Python editor", nodes);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 1);

        await editor.Node("p1").DblClickAsync();
        var code = CodeEditor(page);
        await Expect(code).ToHaveAttributeAsync("data-language", "python");
        await Expect(code.Locator(".tok-keyword", new() { HasText = "def" })).ToHaveCountAsync(1);
        await page.Context.DisposeAsync();
    }

    /// <summary>The editing surface of the code editor (the browser editor, not the text area it replaces).</summary>
    private static ILocator CodeEditor(IPage page) => page.Locator("[data-testid=code-field][data-enhanced=true] .cm-content");
}
