using Microsoft.Playwright;

namespace Zygo.Tests.E2E;

/// <summary>Pages saved as pictures for a person to look at (never asserted), when $ZYGO_SCREENSHOTS names a folder.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("ZYGO_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage });
        }
    }
}
