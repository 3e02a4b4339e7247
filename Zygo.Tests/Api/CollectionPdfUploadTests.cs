using System.Net;
using Zygo.Data.Entities;
using Zygo.Tests.E2E;
using Zygo.Tests.Engine.Rag.Pdf;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>A PDF printed by real Chromium, uploaded over real HTTP (Kestrel) and found by a word from its second page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectionPdfUploadTests(CollectionPdfUploadTests.Fixture fixture) : IClassFixture<CollectionPdfUploadTests.Fixture>
{
    public sealed class Fixture() : AppFixture(useKestrel: true)
    {
        public HttpClient Developer { get; private set; } = null!;

        public override async Task InitializeAsync() =>
            Developer = Keep(await App.KestrelClientForRoleAsync(await App.CreateTenantAsync("PDF uploads"), TenantRole.Developer));
    }

    [Fact]
    public async Task A_chromium_pdf_upload_is_stored_as_text_and_searchable_by_a_word_from_page_two()
    {
        var collection = (await (await fixture.Developer.PostAsync("/api/v1/collections", Json(new { name = "manuals-" + UniqueSuffix() })))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var pdf = await ChromiumPdf.SampleAsync();

        var added = await (await fixture.Developer.PostAsync($"/api/v1/collections/{collection}/documents",
            CollectionApiTests.Upload("handbook.pdf", pdf, "application/pdf"))).ShouldBeJsonAsync(HttpStatusCode.Created);

        added.GetProperty("title").GetString().Should().Be("handbook");
        added.GetProperty("metadata").GetProperty("pages").GetInt32().Should().Be(2);
        added.TryGetProperty("notes", out _).Should().BeFalse();
        var result = await (await fixture.Developer.PostAsync($"/api/v1/collections/{collection}/search",
            Json(new { query = "light blinks amber" }))).ShouldBeJsonAsync(HttpStatusCode.OK);
        var top = result.GetProperty("results")[0];
        top.GetProperty("text").GetString().Should().Contain("Hold the reset button for ten seconds until the light blinks amber.");
        top.GetProperty("source").GetString().Should().Be("handbook.pdf");
        top.GetProperty("metadata").GetProperty("pages").GetInt32().Should().Be(2);
    }
}
