using System.Net;
using Microsoft.Playwright;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.E2E;

/// <summary>
/// The newcomer's path, end to end: the README's run command starts Zygo, the first start prints a sign-in,
/// and a real browser signs in, sees the demo workflows and creates, renames and deletes one, and signs out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadmeQuickstartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Readme_run_command_serves_sign_in_and_the_workflows_page_manages_workflows()
    {
        await using var zygo = await ZygoProcess.StartAsync(StartTimeout);
        var password = zygo.PrintedPassword;
        password.Should().NotBeNullOrEmpty("the first start prints the generated Owner password:\n" + zygo.Output);

        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = zygo.Address })
        {
            var root = await http.GetAsync("/");
            root.StatusCode.Should().Be(HttpStatusCode.Redirect);
            root.Headers.Location!.ToString().Should().Contain("/account/login");
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(zygo.Address.ToString());
            page.Url.Should().Contain("/account/login");

            await page.FillAsync("input[name=Email]", "owner@zygo.local");
            await page.FillAsync("input[name=Password]", password!);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login"));

            await page.GotoAsync(new Uri(zygo.Address, "/workflows").ToString());
            await Chromium.WaitForInteractiveAsync(page);
            var rows = page.Locator("[data-testid=workflow-link]");
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await Assertions.Expect(page.GetByText("Support assistant")).ToBeVisibleAsync();

            await page.ClickAsync("[data-testid=new-workflow]");
            await page.FillAsync("input[data-testid=workflow-name]", "Invoice follow-up");
            await page.ClickAsync("[data-testid=workflow-dialog-submit]");
            await Assertions.Expect(rows.Filter(new() { HasText = "Invoice follow-up" })).ToHaveCountAsync(1);

            await OpenActionsAsync(page, "Invoice follow-up");
            await page.ClickAsync("[data-testid=rename-workflow]");
            await page.FillAsync("input[data-testid=workflow-name]", "Invoice reminders");
            await page.ClickAsync("[data-testid=workflow-dialog-submit]");
            await Assertions.Expect(rows.Filter(new() { HasText = "Invoice reminders" })).ToHaveCountAsync(1);
            await Assertions.Expect(rows.Filter(new() { HasText = "Invoice follow-up" })).ToHaveCountAsync(0);

            await OpenActionsAsync(page, "Invoice reminders");
            await page.ClickAsync("[data-testid=delete-workflow]");
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(rows.Filter(new() { HasText = "Invoice reminders" })).ToHaveCountAsync(0);
            await Assertions.Expect(rows).ToHaveCountAsync(3);

            // Still there after a reload: the changes reached the database, not just the page.
            await page.ReloadAsync();
            await Chromium.WaitForInteractiveAsync(page);
            await Assertions.Expect(rows).ToHaveCountAsync(3);

            await page.ClickAsync("[data-testid=user-menu]");
            await page.ClickAsync("[data-testid=sign-out]");
            await page.WaitForURLAsync(url => url.Contains("/account/login"));
            await page.GotoAsync(new Uri(zygo.Address, "/workflows").ToString());
            page.Url.Should().Contain("/account/login", "a signed-out browser is sent back to sign in");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task OpenActionsAsync(IPage page, string workflowName)
    {
        var row = page.Locator("tr").Filter(new() { Has = page.Locator("[data-testid=workflow-link]", new() { HasText = workflowName }) });
        await row.Locator("[data-testid=workflow-actions] button").ClickAsync();
    }
}
