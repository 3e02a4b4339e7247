using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Rag.Chunking;

namespace Zygo.Engine.Rag;

/// <summary>
/// A tenant's collections and documents in the built-in store. Every query names the tenant itself, so the same code
/// serves the signed-in API (tenant-filtered context) and runs and seeding (system context).
/// </summary>
public sealed class DocumentStore(ZygoDbContext db, Guid tenantId)
{
    public IQueryable<RagCollection> Collections => db.RagCollections.IgnoreQueryFilters().Where(c => c.TenantId == tenantId);

    public IQueryable<RagDocument> Documents(Guid collectionId) =>
        db.RagDocuments.IgnoreQueryFilters().Where(d => d.TenantId == tenantId && d.CollectionId == collectionId);

    public Task<RagCollection?> FindAsync(Guid id, CancellationToken ct) =>
        Collections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public Task<RagCollection?> FindByNameAsync(string name, CancellationToken ct) =>
        Collections.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name.Trim(), ct);

    public async Task<RagCollection> CreateCollectionAsync(string? name, string? description, int? chunkSize, int? chunkOverlap,
        CancellationToken ct)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > DocumentLimits.MaxNameLength)
        {
            throw new DocumentInputException("name", $"A collection needs a name of 1 to {DocumentLimits.MaxNameLength} characters.");
        }

        var collection = new RagCollection
        {
            TenantId = tenantId,
            Name = trimmed,
            Description = (description ?? "").Trim(),
            ChunkSize = chunkSize ?? 800,
            ChunkOverlap = chunkOverlap ?? 120,
        };
        if (TextChunker.SettingsProblem(collection.ChunkSize, collection.ChunkOverlap) is { } problem)
        {
            throw new DocumentInputException(problem.Field, problem.Message);
        }

        if (await Collections.AnyAsync(c => c.Name == trimmed, ct))
        {
            throw new DocumentInputException("name", $"A collection named '{trimmed}' already exists.", KnowledgeProblem.Conflict);
        }

        db.RagCollections.Add(collection);
        await db.SaveChangesAsync(ct);
        return collection;
    }

    /// <summary>Checks, chunks and stores a document; chunks get their vectors when a search with an embedding model first needs them.</summary>
    public async Task<RagDocument> AddDocumentAsync(RagCollection collection, DocumentInput input, CancellationToken ct)
    {
        if (Encoding.UTF8.GetByteCount(input.Text) > DocumentLimits.MaxDocumentBytes)
        {
            throw new DocumentInputException("text",
                $"The document is larger than {DocumentLimits.MaxDocumentBytes / (1024 * 1024)} MB; split it into smaller documents.",
                KnowledgeProblem.TooLarge);
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            throw new DocumentInputException("text", "The document is empty: there is no text to search.");
        }

        var title = input.Title.Trim();
        if (title.Length == 0 || title.Length > DocumentLimits.MaxTitleLength)
        {
            throw new DocumentInputException("title", $"A document needs a title of 1 to {DocumentLimits.MaxTitleLength} characters.");
        }

        var metadata = input.Metadata ?? [];
        var chunks = TextChunker.Chunk(input.Text, input.ContentType == DocumentContentTypes.Markdown,
            collection.ChunkSize, collection.ChunkOverlap);
        var document = new RagDocument
        {
            TenantId = tenantId,
            CollectionId = collection.Id,
            Title = title,
            FileName = input.FileName,
            ContentType = input.ContentType,
            Metadata = metadata.ToJsonString(),
            Characters = input.Text.Length,
            ChunkCount = chunks.Count,
        };
        db.RagDocuments.Add(document);
        for (var i = 0; i < chunks.Count; i++)
        {
            db.RagChunks.Add(new RagChunk
            {
                TenantId = tenantId,
                CollectionId = collection.Id,
                DocumentId = document.Id,
                Ordinal = i,
                Text = chunks[i].Text,
                Heading = chunks[i].Heading,
                Metadata = ChunkMetadata(metadata, document, chunks[i]).ToJsonString(),
            });
        }

        await db.SaveChangesAsync(ct);
        return document;
    }

    public async Task<bool> DeleteDocumentAsync(Guid collectionId, Guid documentId, CancellationToken ct) =>
        await Documents(collectionId).Where(d => d.Id == documentId).ExecuteDeleteAsync(ct) == 1;

    /// <summary>Deletes the collection; its documents and their chunks go with it (cascades).</summary>
    public async Task<bool> DeleteCollectionAsync(Guid id, CancellationToken ct) =>
        await Collections.Where(c => c.Id == id).ExecuteDeleteAsync(ct) == 1;

    /// <summary>What filters compare against: the uploader's metadata, then the document's title and source and the chunk's heading.</summary>
    private static JsonObject ChunkMetadata(JsonObject metadata, RagDocument document, TextChunk chunk)
    {
        var result = (JsonObject)metadata.DeepClone();
        result["title"] ??= document.Title;
        result["source"] ??= document.FileName.Length > 0 ? document.FileName : document.Title;
        if (chunk.Heading.Length > 0)
        {
            result["heading"] = chunk.Heading;
        }

        return result;
    }
}
