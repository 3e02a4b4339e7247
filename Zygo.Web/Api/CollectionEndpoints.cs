using System.Text;
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
            var input = request.HasFormContentType ? await FromFormAsync(request, ct) : await FromJsonAsync(request, ct);
            return await service.AddDocumentAsync(id, input, ct) is { } document
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

        var type = DocumentContentTypes.Resolve(body?.ContentType ?? DocumentContentTypes.Text, null)
            ?? throw new InputValidationException("contentType", DocumentContentTypes.Accepted);
        return new DocumentInput(body?.Title ?? "", body?.Text ?? "", type, Metadata: body?.Metadata);
    }

    private static async Task<DocumentInput> FromFormAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new InputValidationException("file", "Attach the document as the form field 'file'.");
        var type = DocumentContentTypes.Resolve(file.ContentType, file.FileName)
            ?? throw new InputValidationException("file", DocumentContentTypes.Accepted);
        if (file.Length > DocumentLimits.MaxDocumentBytes)
        {
            throw new DocumentTooLargeException(
                $"The file is larger than {DocumentLimits.MaxDocumentBytes / (1024 * 1024)} MB; split it into smaller documents.");
        }

        string? text = null;
        try
        {
            // UTF-8 only: a UTF-16 byte-order mark must not switch the decoder, it marks a file we refuse.
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: false);
            text = (await reader.ReadToEndAsync(ct)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: refused below, like text holding NUL characters (a binary file).
        }

        if (text is null || text.Contains('\0'))
        {
            throw new InputValidationException("file", "The file is not UTF-8 text. " + DocumentContentTypes.Accepted);
        }

        var title = form["title"].ToString();
        return new DocumentInput(title.Length > 0 ? title : Path.GetFileNameWithoutExtension(file.FileName), text, type,
            Path.GetFileName(file.FileName), Metadata(form["metadata"].ToString()));
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
