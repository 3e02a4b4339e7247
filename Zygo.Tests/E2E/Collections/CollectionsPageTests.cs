using System.Text;
using Microsoft.Playwright;
using Zygo.Tests.E2E.Editor;
using Zygo.Tests.Engine.Rag.Pdf;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.E2E.Collections;

/// <summary>The Documents page (RAG collections) in headless Chromium: the seeded FAQ collection, a search, an upload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectionsPageTests(EditorAppFixture fixture) : IClassFixture<EditorAppFixture>
{
    private async Task<IPage> OpenAsync(int width = 1440)
    {
        var page = await fixture.NewPageAsync(width);
        await page.GotoAsync(new Uri(fixture.App.ServerAddress, "/collections").ToString());
        await Chromium.WaitForInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task The_seeded_collection_is_searched_and_a_markdown_file_is_uploaded()
    {
        var page = await OpenAsync();
        var rows = page.Locator("[data-testid=document-row]");
        var seeded = await DocumentCountAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=collection-detail]")).ToContainTextAsync("support-faq");

        await page.Locator("input[data-testid=knowledge-query]").FillAsync("how long does a refund take");
        await page.ClickAsync("[data-testid=knowledge-search]");
        var first = page.Locator("[data-testid=knowledge-result]").First;
        await Assertions.Expect(first).ToContainTextAsync("returns-and-refunds.md — Returns and refunds > When the refund arrives");
        await Assertions.Expect(page.Locator("[data-testid=knowledge-note]")).ToContainTextAsync("Searched by keyword");
        await Screenshots.SaveAsync(page, "rag-knowledge", fullPage: true);

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "warranty.md",
                MimeType = "text/markdown",
                Buffer = Encoding.UTF8.GetBytes("# Warranty\nEvery device has a two year warranty."),
            });
        await Assertions.Expect(rows).ToHaveCountAsync(seeded + 1);
        await Assertions.Expect(page.Locator("[data-testid=document-table]")).ToContainTextAsync("warranty.md");
        await Assertions.Expect(page.Locator("[data-testid=collection-item]")).ToContainTextAsync($"{seeded + 1} documents");

        await page.Locator("input[data-testid=knowledge-query]").FillAsync("warranty years");
        await page.ClickAsync("[data-testid=knowledge-search]");
        await Assertions.Expect(page.Locator("[data-testid=knowledge-result]").First).ToContainTextAsync("two year warranty");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_empty_pasted_document_shows_the_reason_and_the_page_fits_a_tablet()
    {
        var page = await OpenAsync(width: 800);
        var before = await DocumentCountAsync(page);

        await page.ClickAsync("[data-testid=add-text]");
        await page.Locator("input[data-testid=document-title]").FillAsync("Blank");
        await page.ClickAsync("[data-testid=save-document]");

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("The document is empty");
        await Assertions.Expect(page.Locator("[data-testid=document-row]")).ToHaveCountAsync(before);
        await Screenshots.SaveAsync(page, "rag-knowledge-tablet", fullPage: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_pdf_upload_is_read_to_text_skipped_parts_are_shown_and_a_non_pdf_is_refused()
    {
        var page = await OpenAsync();
        var rows = page.Locator("[data-testid=document-row]");
        var before = await DocumentCountAsync(page);
        // MudFileUpload adds a fresh input after each pick: the last one is the live one.
        var upload = page.Locator("input[type=file]").Last;
        (await upload.GetAttributeAsync("accept")).Should().Contain(".pdf");

        await upload.SetInputFilesAsync(new FilePayload { Name = "fake.pdf", MimeType = "application/pdf", Buffer = "plain words"u8.ToArray() });
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("not a PDF");
        await upload.SetInputFilesAsync(new FilePayload { Name = "handbook.pdf", MimeType = "application/pdf", Buffer = await ChromiumPdf.SampleAsync() });

        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        await upload.SetInputFilesAsync(new FilePayload
        {
            Name = "scanned.pdf", MimeType = "application/pdf",
            Buffer = PdfTestBuilder.WithUndecodableSecondPage("BT /F1 12 Tf 72 720 Td (Cover page) Tj ET", "JBIG2Decode"),
        });
        await Assertions.Expect(page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "scanned.pdf: a stream uses the JBIG2Decode filter" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(before + 2);
        var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("text=handbook.pdf") });
        await Assertions.Expect(row).ToContainTextAsync("PDF text");
        await Assertions.Expect(row).ToContainTextAsync("\"pages\":2");
        await page.Locator("input[data-testid=knowledge-query]").FillAsync("light blinks amber");
        await page.ClickAsync("[data-testid=knowledge-search]");
        await Assertions.Expect(page.Locator("[data-testid=knowledge-result]").First).ToContainTextAsync("handbook.pdf");
        // Nothing of the last pick is left beside the buttons to push them out of line.
        var uploadButton = await page.Locator("[data-testid=upload-document]").BoundingBoxAsync();
        var pasteButton = await page.Locator("[data-testid=add-text]").BoundingBoxAsync();
        (uploadButton!.Y, uploadButton.Height).Should().Be((pasteButton!.Y, pasteButton.Height));
        await Screenshots.SaveAsync(page, "documents-pdf");
        await page.Context.CloseAsync();
    }

    /// <summary>The seeded collection's documents once listed: its three FAQ pages, plus any another test of this class uploaded.</summary>
    private static async Task<int> DocumentCountAsync(IPage page)
    {
        var rows = page.Locator("[data-testid=document-row]");
        await Assertions.Expect(rows.Nth(2)).ToBeVisibleAsync();
        return await rows.CountAsync();
    }
}
