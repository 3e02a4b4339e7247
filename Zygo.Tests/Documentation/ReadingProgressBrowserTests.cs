using Microsoft.Playwright;
using Zygo.Tests.E2E;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Documentation;

/// <summary>Bookmarks and reading progress in /documentation survive signing out and in again (real Kestrel, Chromium).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingProgressBrowserTests
{
    private const string PagePath = "/documentation/fixture-welcome";

    [Fact]
    public async Task Bookmark_read_mark_and_scroll_position_persist_across_sign_in()
    {
        await using var app = new ZygoAppFactory(useKestrel: true, settings: FixturePages.Settings);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 600 } });
            await SignInAsync(page, app.ServerAddress, PagePath);
            await Chromium.WaitForInteractiveAsync(page);
            await page.Locator("[data-testid=doc-body]").WaitForAsync();

            await page.ClickAsync("[data-testid=bookmark]");
            await Assertions.Expect(page.Locator("[data-testid=bookmark]")).ToHaveAttributeAsync("aria-pressed", "true");
            await page.ClickAsync("[data-testid=mark-read]");
            await Assertions.Expect(page.Locator("[data-testid=mark-read]")).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(page.Locator("[data-slug=fixture-welcome]")).ToHaveAttributeAsync("data-read", "true");

            await page.EvaluateAsync("() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)");
            var saved = await page.EvaluateAsync<double>("() => scrollY");
            saved.Should().BeGreaterThan(100);
            await WaitForSavedScrollAsync(app);
            await Screenshots.SaveAsync(page, "documentation");

            await page.ClickAsync("[data-testid=user-menu]");
            await page.ClickAsync("[data-testid=sign-out]");
            await page.WaitForURLAsync("**/account/login**");

            await SignInAsync(page, app.ServerAddress, "/documentation");
            await Chromium.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=doc-bookmarks]")).ToContainTextAsync("Welcome Fixture");

            await page.ClickAsync("[data-testid=doc-bookmarks] a");
            await page.WaitForURLAsync("**" + PagePath);
            await Assertions.Expect(page.Locator("[data-testid=bookmark]")).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(page.Locator("[data-testid=mark-read]")).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(page.Locator("[data-slug=fixture-welcome]")).ToHaveAttributeAsync("data-read", "true");
            await page.WaitForFunctionAsync("saved => Math.abs(scrollY - saved) < 40", saved, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task SignInAsync(IPage page, Uri address, string returnUrl)
    {
        await page.GotoAsync(new Uri(address, "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl)).ToString());
        await page.FillAsync("input[name=Email]", ZygoAppFactory.OwnerEmail);
        await page.FillAsync("input[name=Password]", ZygoAppFactory.OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**" + returnUrl);
    }

    /// <summary>The position is saved once the scrolling stops (debounced), not per scroll event.</summary>
    private static async Task WaitForSavedScrollAsync(ZygoAppFactory app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = app.CreateSystemContext();
            if (db.DocumentationProgress.Any(p => p.Slug == "fixture-welcome" && p.ScrollPosition > 0.3))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The scroll position was not saved.");
    }
}
