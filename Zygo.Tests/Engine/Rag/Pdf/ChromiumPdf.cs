using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Rag.Pdf;

/// <summary>
/// A two-page PDF printed by the real headless Chromium (object streams, Flate, embedded subset fonts with ToUnicode
/// CMaps), made once per test run because starting Chromium is slow here. Used by tests in the browser collection.
/// </summary>
internal static class ChromiumPdf
{
    public const string Html = """
        <!doctype html>
        <html><head><meta charset="utf-8"><style>
          body { font-family: sans-serif; font-size: 14px; }
          .page { page-break-after: always; }
        </style></head>
        <body>
          <div class="page">
            <h1>Router Handbook</h1>
            <p>Café owners in Zürich love the office network.</p>
            <p>Straße nach Köln: find the reset button behind the flap.</p>
          </div>
          <div>
            <h2>Troubleshooting</h2>
            <p>Hold the reset button for ten seconds until the light blinks amber.</p>
          </div>
        </body></html>
        """;

    private static readonly Lazy<Task<byte[]>> Sample = new(PrintAsync);

    public static Task<byte[]> SampleAsync() => Sample.Value;

    private static async Task<byte[]> PrintAsync()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.SetContentAsync(Html);
            return await page.PdfAsync(new Microsoft.Playwright.PagePdfOptions { Format = "A4" });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
