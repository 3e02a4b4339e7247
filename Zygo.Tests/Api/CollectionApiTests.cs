using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Zygo.Data.Entities;
using Zygo.Engine.Rag;
using Zygo.Tests.Engine.Rag.Pdf;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>/api/v1/collections against the real app: create, upload (JSON and multipart), search, delete, bad input, roles, tenants.</summary>
public sealed class CollectionApiTests(CollectionApiTests.Fixture fixture) : IClassFixture<CollectionApiTests.Fixture>
{
    private const string Collections = "/api/v1/collections";

    public sealed class Fixture() : AppFixture
    {
        public HttpClient Developer { get; private set; } = null!;
        public HttpClient Viewer { get; private set; } = null!;
        public HttpClient Other { get; private set; } = null!;
        public Guid Tenant { get; private set; }

        public override async Task InitializeAsync()
        {
            var tenant = Tenant = await App.CreateTenantAsync("Knowledge API");
            Developer = Keep(await App.ClientForRoleAsync(tenant, TenantRole.Developer));
            Viewer = Keep(await App.ClientForRoleAsync(tenant, TenantRole.Viewer));
            Other = Keep(await App.ClientForRoleAsync(await App.CreateTenantAsync("Other tenant"), TenantRole.Owner));
        }
    }

    private async Task<string> CreateCollectionAsync(HttpClient? client = null)
    {
        var created = await (await (client ?? fixture.Developer).PostAsync(Collections,
            Json(new { name = "faq-" + UniqueSuffix(), description = "Support FAQ", chunkSize = 300, chunkOverlap = 50 })))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    internal static MultipartFormDataContent Upload(string fileName, byte[] bytes, string contentType, string? metadata = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (metadata is not null)
        {
            form.Add(new StringContent(metadata), "metadata");
        }

        return form;
    }

    [Fact]
    public async Task Upload_json_and_markdown_then_search_finds_passages_with_sources_and_metadata()
    {
        var id = await CreateCollectionAsync();
        var json = await (await fixture.Developer.PostAsync($"{Collections}/{id}/documents",
            Json(new { title = "Warranty", text = "Every device has a two year warranty.", metadata = new { product = "router" } })))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        json.GetProperty("chunks").GetInt32().Should().Be(1);
        var markdown = "# Returns\nReturn items within 30 days.\n\n# Shipping\nWe ship in two days."u8.ToArray();
        var upload = await (await fixture.Developer.PostAsync($"{Collections}/{id}/documents",
            Upload("policies.md", markdown, "text/markdown", """{"product":"shop"}"""))).ShouldBeJsonAsync(HttpStatusCode.Created);
        upload.GetProperty("title").GetString().Should().Be("policies");
        upload.GetProperty("contentType").GetString().Should().Be(DocumentContentTypes.Markdown);
        upload.GetProperty("chunks").GetInt32().Should().Be(2);

        var result = await (await fixture.Viewer.PostAsync($"{Collections}/{id}/search",
            Json(new { query = "how many days to return", filters = new { product = "shop" } }))).ShouldBeJsonAsync(HttpStatusCode.OK);

        result.GetProperty("mode").GetString().Should().Be("keyword");
        result.GetProperty("note").GetString().Should().Contain("keyword");
        var top = result.GetProperty("results")[0];
        top.GetProperty("text").GetString().Should().Be("Return items within 30 days.");
        top.GetProperty("source").GetString().Should().Be("policies.md");
        top.GetProperty("metadata").GetProperty("heading").GetString().Should().Be("Returns");

        var docs = await (await fixture.Viewer.GetAsync($"{Collections}/{id}/documents")).ShouldBeJsonAsync(HttpStatusCode.OK);
        docs.GetArrayLength().Should().Be(2);
        var list = await (await fixture.Viewer.GetAsync(Collections)).ShouldBeJsonAsync(HttpStatusCode.OK);
        list.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("documents").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Deleting_a_document_and_a_collection_removes_them()
    {
        var id = await CreateCollectionAsync();
        var doc = await (await fixture.Developer.PostAsync($"{Collections}/{id}/documents", Json(new { title = "T", text = "Blue widgets." })))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        (await fixture.Developer.DeleteAsync($"{Collections}/{id}/documents/{doc.GetProperty("id").GetString()}")).StatusCode
            .Should().Be(HttpStatusCode.NoContent);
        (await (await fixture.Developer.PostAsync($"{Collections}/{id}/search", Json(new { query = "widgets" }))).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("results").GetArrayLength().Should().Be(0);
        await (await fixture.Developer.DeleteAsync($"{Collections}/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var admin = await fixture.App.ClientForRoleAsync(fixture.Tenant, TenantRole.Admin);
        (await admin.DeleteAsync($"{Collections}/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await fixture.Developer.GetAsync($"{Collections}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "collection");
    }

    [Fact]
    public async Task Bad_input_gets_problem_details()
    {
        var id = await CreateCollectionAsync();
        var documents = $"{Collections}/{id}/documents";

        (await (await fixture.Developer.PostAsync(documents, Json(new { title = "Empty", text = "   " }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "empty"))
            .ErrorsFor("text").Should().NotBeEmpty();
        var big = Encoding.UTF8.GetBytes(new string('a', DocumentLimits.MaxDocumentBytes + 10));
        await (await fixture.Developer.PostAsync(documents, Upload("big.txt", big, "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "larger than 4 MB");
        (await (await fixture.Developer.PostAsync(documents, Upload("manual.pdf", "%PDF-1.7"u8.ToArray(), "application/pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "PDF could not be read")).ErrorsFor("file").Should().NotBeEmpty();
        (await (await fixture.Developer.PostAsync(documents, Json(new { title = "T", text = "x", contentType = "application/pdf" })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "multipart")).ErrorsFor("contentType").Should().NotBeEmpty();
        await (await fixture.Developer.PostAsync(documents, Upload("slides.pptx", [1, 2, 3], "application/vnd.ms-powerpoint")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, ".pdf");
        await (await fixture.Developer.PostAsync(documents, Upload("bin.txt", [0xff, 0xfe, 0x00, 0xc3], "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not UTF-8");
        await (await fixture.Developer.PostAsync(documents, Upload("a.md", "hello"u8.ToArray(), "text/markdown", "[1,2]")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "JSON object");
        await (await fixture.Developer.PostAsync(documents, RawJson("{\"title\": "))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not valid JSON");
        await (await fixture.Developer.PostAsync(Collections, Json(new { name = "x", chunkSize = 20 })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "chunk size");
        await (await fixture.Developer.PostAsync($"{Collections}/{id}/search", Json(new { query = "" }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await fixture.Developer.PostAsync($"{Collections}/{Guid.NewGuid()}/documents", Json(new { title = "T", text = "x" })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "collection");
        await (await fixture.Developer.PostAsync($"{Collections}/{Guid.NewGuid()}/search", Json(new { query = "x" })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "collection");
    }

    [Fact]
    public async Task Pdf_uploads_store_the_text_layer_with_the_page_count_and_notes_and_refusals_are_problems()
    {
        var id = await CreateCollectionAsync();
        var documents = $"{Collections}/{id}/documents";
        var readable = "BT /F1 12 Tf 72 720 Td (Firmware updates install overnight.) Tj ET";
        var pdf = PdfTestBuilder.WithUndecodableSecondPage(readable, "DCTDecode");

        var added = await (await fixture.Developer.PostAsync(documents, Upload("updates.pdf", pdf, "application/octet-stream", """{"product":"router"}""")))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        added.GetProperty("title").GetString().Should().Be("updates");
        added.GetProperty("fileName").GetString().Should().Be("updates.pdf");
        added.GetProperty("contentType").GetString().Should().Be(DocumentContentTypes.Text);
        added.GetProperty("metadata").GetProperty("pages").GetInt32().Should().Be(2);
        added.GetProperty("metadata").GetProperty("product").GetString().Should().Be("router");
        added.GetProperty("notes")[0].GetString().Should().Contain("DCTDecode");
        var hit = (await (await fixture.Viewer.PostAsync($"{Collections}/{id}/search", Json(new { query = "firmware overnight" })))
            .ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("results")[0];
        hit.GetProperty("text").GetString().Should().Be("Firmware updates install overnight.");
        hit.GetProperty("source").GetString().Should().Be("updates.pdf");
        var listed = (await (await fixture.Viewer.GetAsync(documents)).ShouldBeJsonAsync(HttpStatusCode.OK))[0];
        listed.TryGetProperty("notes", out _).Should().BeFalse();

        var encrypted = PdfTestBuilder.SinglePage(readable, trailerExtra: "/Encrypt << /V 2 >>");
        (await (await fixture.Developer.PostAsync(documents, Upload("locked.pdf", encrypted, "application/pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "password-protected")).ErrorsFor("file").Should().NotBeEmpty();
        await (await fixture.Developer.PostAsync(documents, Upload("scan.pdf", PdfTestBuilder.SinglePage("0 0 10 10 re f"), "application/pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "no text layer");
        await (await fixture.Developer.PostAsync(documents, Upload("fake.pdf", "plain words"u8.ToArray(), "application/pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a PDF");
        (await (await fixture.Viewer.GetAsync(documents)).ShouldBeJsonAsync(HttpStatusCode.OK)).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_taken_name_is_a_conflict()
    {
        var name = "dup-" + UniqueSuffix();
        (await fixture.Developer.PostAsync(Collections, Json(new { name }))).StatusCode.Should().Be(HttpStatusCode.Created);

        await (await fixture.Developer.PostAsync(Collections, Json(new { name }))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already exists");
    }

    [Fact]
    public async Task Viewers_read_but_cannot_write()
    {
        var id = await CreateCollectionAsync();

        (await fixture.Viewer.GetAsync($"{Collections}/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await fixture.Viewer.PostAsync(Collections, Json(new { name = "nope" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Viewer.PostAsync($"{Collections}/{id}/documents", Json(new { title = "T", text = "x" })))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_tenants_collection_answers_404_everywhere()
    {
        var id = await CreateCollectionAsync();
        await fixture.Developer.PostAsync($"{Collections}/{id}/documents", Json(new { title = "Secret", text = "Tenant one only." }));

        (await (await fixture.Other.GetAsync(Collections)).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Should().NotContain(c => c.GetProperty("id").GetString() == id);
        await (await fixture.Other.GetAsync($"{Collections}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Other.GetAsync($"{Collections}/{id}/documents")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Other.PostAsync($"{Collections}/{id}/search", Json(new { query = "tenant" }))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Other.PostAsync($"{Collections}/{id}/documents", Json(new { title = "T", text = "x" }))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Other.DeleteAsync($"{Collections}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await fixture.Developer.GetAsync($"{Collections}/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
