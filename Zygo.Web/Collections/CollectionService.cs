using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Rag;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Collections;

/// <summary>
/// The Knowledge page's and the API's view of the built-in store, for the signed-in user's tenant: permission checks
/// here, storage rules in <see cref="DocumentStore"/>. Refused input surfaces as <see cref="InputValidationException"/>,
/// <see cref="ConflictException"/> or <see cref="DocumentTooLargeException"/>.
/// </summary>
public sealed class CollectionService(IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user)
{
    public const int MaxSearchResults = 50;

    public async Task<IReadOnlyList<CollectionSummary>> ListAsync(CancellationToken ct)
    {
        user.Demand(Permission.ViewAIComponents);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var store = Store(db);
        return await store.Collections.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CollectionSummary(c.Id, c.Name, c.Description, c.ChunkSize, c.ChunkOverlap,
                db.RagDocuments.Count(d => d.CollectionId == c.Id), c.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<CollectionSummary?> GetAsync(Guid id, CancellationToken ct)
    {
        user.Demand(Permission.ViewAIComponents);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var collection = await Store(db).FindAsync(id, ct);
        return collection is null ? null : await SummaryAsync(db, collection, ct);
    }

    public async Task<CollectionSummary> CreateAsync(string? name, string? description, int? chunkSize, int? chunkOverlap, CancellationToken ct)
    {
        user.Demand(Permission.CreateAIComponents);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var collection = await Guard(() => Store(db).CreateCollectionAsync(name, description, chunkSize, chunkOverlap, ct));
        return await SummaryAsync(db, collection, ct);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        user.Demand(Permission.DeleteAIComponents);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Store(db).DeleteCollectionAsync(id, ct);
    }

    /// <summary>The collection's documents, newest first; null when the tenant has no such collection.</summary>
    public async Task<IReadOnlyList<DocumentSummary>?> DocumentsAsync(Guid collectionId, CancellationToken ct)
    {
        user.Demand(Permission.ViewAIComponents);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var store = Store(db);
        if (await store.FindAsync(collectionId, ct) is null)
        {
            return null;
        }

        var rows = await store.Documents(collectionId).AsNoTracking().OrderByDescending(d => d.CreatedAt).ToListAsync(ct);
        return rows.Select(ToSummary).ToList();
    }

    /// <summary>Stores a document; null when the tenant has no such collection.</summary>
    public Task<DocumentSummary?> AddDocumentAsync(Guid collectionId, DocumentInput input, CancellationToken ct) =>
        AddAsync(collectionId, () => new DocumentFileResult(input, []), ct);

    /// <summary>Reads an uploaded file (text, Markdown or PDF) and stores it; null when the tenant has no such collection.</summary>
    public Task<DocumentSummary?> AddFileAsync(Guid collectionId, DocumentUpload upload, CancellationToken ct) =>
        AddAsync(collectionId, () => DocumentFile.Read(upload), ct);

    /// <summary>Reads the document only once permission and collection are checked: a PDF costs real work to read.</summary>
    private async Task<DocumentSummary?> AddAsync(Guid collectionId, Func<DocumentFileResult> read, CancellationToken ct)
    {
        user.Demand(Permission.EditAIComponents);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var store = Store(db);
        if (await store.FindAsync(collectionId, ct) is not { } collection)
        {
            return null;
        }

        return await Guard(async () =>
        {
            var file = read();
            var document = await store.AddDocumentAsync(collection, file.Input, ct);
            return ToSummary(document) with { Notes = file.Notes.Count > 0 ? file.Notes : null };
        });
    }

    public async Task<bool> DeleteDocumentAsync(Guid collectionId, Guid documentId, CancellationToken ct)
    {
        user.Demand(Permission.EditAIComponents);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Store(db).DeleteDocumentAsync(collectionId, documentId, ct);
    }

    /// <summary>Keyword search of one collection; null when the tenant has no such collection.</summary>
    public async Task<SearchResult?> SearchAsync(Guid collectionId, string? query, int? topK, double? scoreThreshold, JsonObject? filters,
        CancellationToken ct)
    {
        user.Demand(Permission.ViewAIComponents);
        var text = (query ?? "").Trim();
        if (text.Length == 0)
        {
            throw new InputValidationException("query", "Type what to search for.");
        }

        var limit = topK ?? 5;
        if (limit is < 1 or > MaxSearchResults)
        {
            throw new InputValidationException("topK", $"topK must be between 1 and {MaxSearchResults}.");
        }

        var threshold = scoreThreshold ?? 0;
        if (threshold is < 0 or > 1)
        {
            throw new InputValidationException("scoreThreshold", "scoreThreshold must be between 0 and 1.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var tenantId = RequireTenant();
        if (await Store(db).FindAsync(collectionId, ct) is null)
        {
            return null;
        }

        var passages = await new BuiltinRetriever(db, tenantId, collectionId, filters ?? [], threshold).KeywordAsync(text, ct);
        return new SearchResult(text, RetrievalMode.Keyword,
            "Searched by keyword: searching by meaning needs an embedding model, which a RAG Context node in a workflow configures.",
            passages.Take(limit).Select(p => new PassageHit(p.Text, Math.Round(p.Score, 4), p.Source, p.DocumentId, p.Metadata)).ToList());
    }

    private DocumentStore Store(ZygoDbContext db) => new(db, RequireTenant());

    // Demand has passed by now, and it only passes inside a tenant.
    private Guid RequireTenant() => user.TenantId ?? throw new InvalidOperationException("No tenant is selected.");

    private static async Task<CollectionSummary> SummaryAsync(ZygoDbContext db, RagCollection c, CancellationToken ct) =>
        new(c.Id, c.Name, c.Description, c.ChunkSize, c.ChunkOverlap,
            await db.RagDocuments.CountAsync(d => d.CollectionId == c.Id, ct), c.CreatedAt);

    private static DocumentSummary ToSummary(RagDocument d) =>
        new(d.Id, d.Title, d.FileName, d.ContentType, JsonNode.Parse(d.Metadata) as JsonObject ?? [], d.Characters, d.ChunkCount, d.CreatedAt);

    /// <summary>The store's refusals in the web layer's terms (400, 409, 413).</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (DocumentInputException ex) when (ex.Problem == KnowledgeProblem.Conflict)
        {
            throw new ConflictException(ex.Message);
        }
        catch (DocumentInputException ex) when (ex.Problem == KnowledgeProblem.TooLarge)
        {
            throw new DocumentTooLargeException(ex.Message);
        }
        catch (DocumentInputException ex)
        {
            throw new InputValidationException(ex.Field, ex.Message);
        }
    }
}
