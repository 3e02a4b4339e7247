using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zygo.Tests.E2E;
using Zygo.Tests.E2E.Editor;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Generation;

/// <summary>"Generate with AI" on the Workflows page, in a real browser: a prompt becomes a saved workflow opened in the editor.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GenerateDialogBrowserTests(EditorAppFixture fixture) : IClassFixture<EditorAppFixture>
{
    [Fact]
    public async Task A_prompt_becomes_a_saved_workflow_that_opens_in_the_editor()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(fixture.App.ServerAddress, "/workflows").ToString());
            await Chromium.WaitForInteractiveAsync(page);

            await page.ClickAsync("[data-testid=generate-workflow]");
            await page.FillAsync("textarea[data-testid=generate-prompt]", "Every morning fetch the API, summarise it and email lead@example.com");
            await page.ClickAsync("[data-testid=generate-submit]");
            await page.WaitForURLAsync(EditorUrl());

            var id = Guid.Parse(EditorUrl().Match(page.Url).Groups[1].Value);
            var saved = await fixture.GetWorkflowAsync(id);
            saved.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("type").GetString())
                .Should().Equal("trigger", "http_api", "llm", "email");
            saved.GetProperty("description").GetString().Should().Contain("Composed offline");
            await Assertions.Expect(page.Locator("g.x6-node")).ToHaveCountAsync(4);
        }
        finally
        {
            await page.Context.DisposeAsync();
        }
    }

    [GeneratedRegex(@"/workflows/([0-9a-f-]{36})$")]
    private static partial Regex EditorUrl();
}
