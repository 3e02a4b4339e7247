using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Rag;
using Zygo.Web.Common;
using Zygo.Web.Collections;
using Zygo.Web.Security;

namespace Zygo.Web.Api;

/// <summary>/api/v1/collections: the built-in knowledge store. Reads need View AI components; writes Create, Edit or Delete AI components.</summary>
public static class CollectionEndpoints
{
    private static readonly string View = Policies.For(Permission.ViewAIComponents);

    public static void MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/collections").WithTags("Knowledge");

        group.MapGet("/", async (CollectionService service, CancellationToken ct) => Results.Ok(await service.ListAsync(ct)))
            .RequireAuthorization(View).WithName("ListCollections");

        group.MapPost("/", async (CollectionService service, CreateCollectionRequest body, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(body.Name, body.Description, body.ChunkSize, body.ChunkOverlap, ct);
            return Results.Created($"/api/v1/collections/{created.Id}", created);
        }).RequireAuthorization(Policies.For(Permission.CreateAIComponents)).WithName("CreateCollection");

        group.MapGet("/{id:guid}", async (CollectionService service, Guid id, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } collection ? Results.Ok(collection) : Problems.NotFound("collection"))
            .RequireAuthorization(View).WithName("GetCollection");

        group.MapDelete("/{id:guid}", async (CollectionService service, Guid id, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Problems.NotFound("collection"))
            .RequireAuthorization(Policies.For(Permission.DeleteAIComponents)).WithName("DeleteCollection");

        group.MapGet("/{id:guid}/documents", async (CollectionService service, Guid id, CancellationToken ct) =>
            await service.DocumentsAsync(id, ct) is { } documents ? Results.Ok(documents) : Problems.NotFound("collection"))
            .RequireAuthorization(View).WithName("ListDocuments");

        // Takes the HttpRequest rather than bound form parameters: one route serves both JSON and multipart uploads.
        group.MapPost("/{id:guid}/documents", async (CollectionService service, Guid id, HttpRequest request, CancellationToken ct) =>
        {
            var document = request.HasFormContentType
                ? await service.AddFileAsync(id, await FromFormAsync(request, ct), ct)
                : await service.AddDocumentAsync(id, await FromJsonAsync(request, ct), ct);
            return document is not null
                ? Results.Created($"/api/v1/collections/{id}/documents/{document.Id}", document)
                : Problems.NotFound("collection");
        }).RequireAuthorization(Policies.For(Permission.EditAIComponents)).WithName("AddDocument").Accepts<AddDocumentRequest>("application/json", "multipart/form-data");

        group.MapDelete("/{id:guid}/documents/{documentId:guid}", async (CollectionService service, Guid id, Guid documentId, CancellationToken ct) =>
            await service.DeleteDocumentAsync(id, documentId, ct) ? Results.NoContent() : Problems.NotFound("document"))
            .RequireAuthorization(Policies.For(Permission.EditAIComponents)).WithName("DeleteDocument");

        group.MapPost("/{id:guid}/search", async (CollectionService service, Guid id, SearchCollectionRequest body, CancellationToken ct) =>
            await service.SearchAsync(id, body.Query, body.TopK, body.ScoreThreshold, body.Filters, ct) is { } result
                ? Results.Ok(result) : Problems.NotFound("collection"))
            .RequireAuthorization(View).WithName("SearchCollection");
    }

    private static async Task<DocumentInput> FromJsonAsync(HttpRequest request, CancellationToken ct)
    {
        AddDocumentRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<AddDocumentRequest>(ct);
        }
        catch (JsonException)
        {
            throw new InputValidationException("body", "The body is not valid JSON: send {\"title\", \"text\", \"metadata\"} or a multipart upload with a file.");
        }

        var type = DocumentContentTypes.Resolve(body?.ContentType ?? DocumentContentTypes.Text, null);
        if (type is null or DocumentContentTypes.Pdf)
        {
            throw new InputValidationException("contentType",
                "JSON documents are plain text or Markdown; send a PDF as a multipart upload with the form field 'file'.");
        }

        return new DocumentInput(body?.Title ?? "", body?.Text ?? "", type, Metadata: body?.Metadata);
    }

    private static async Task<DocumentUpload> FromFormAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new InputValidationException("file", "Attach the document as the form field 'file'.");
        // The size limit is checked with the other upload rules in DocumentFile; the request limit bounds this copy.
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, ct);
        return new DocumentUpload(file.FileName, file.ContentType, bytes.ToArray(), form["title"].ToString(), Metadata(form["metadata"].ToString()));
    }

    private static JsonObject? Metadata(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new InputValidationException("metadata", "metadata must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new InputValidationException("metadata", "metadata is not valid JSON; send a JSON object such as {\"product\": \"router\"}.");
        }
    }
}
