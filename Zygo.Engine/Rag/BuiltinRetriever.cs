using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Llm;
using Zygo.Engine.Memory;

namespace Zygo.Engine.Rag;

/// <summary>
/// Searches one collection of the built-in store: by keyword (full-text index; score = share of the query's words a
/// chunk holds) or by meaning (cosine similarity of embeddings), keeping passages that reach the threshold and match
/// the filters, best first.
/// </summary>
public sealed class BuiltinRetriever(ZygoDbContext db, Guid tenantId, Guid collectionId, JsonObject filters, double threshold)
{
    /// <summary>Chunks without a vector of the search's model that one search embeds; the rest wait for later searches.</summary>
    private const int MaxBackfill = 1024;

    /// <summary>Texts per embeddings request: providers cap the inputs of one call.</summary>
    private const int BatchSize = 64;

    private IQueryable<RagChunk> Chunks =>
        db.RagChunks.IgnoreQueryFilters().AsNoTracking().Where(c => c.TenantId == tenantId && c.CollectionId == collectionId);

    public async Task<IReadOnlyList<Passage>> KeywordAsync(string query, CancellationToken ct)
    {
        var terms = MemoryTerms.Of(query);
        var ranked = await ChunkKeywordIndex.FindAsync(db, tenantId, collectionId, terms, ct);
        if (ranked.Count == 0)
        {
            return [];
        }

        var rows = await Chunks.Where(c => ranked.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return ranked.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(c => ToPassage(c, MemoryTerms.Coverage(terms, MemoryTerms.AllOf(c.Heading, c.Text))))
            .Where(Keep)
            .ToList();
    }

    public async Task<IReadOnlyList<Passage>> SemanticAsync(string query, EmbeddingModel model, CancellationToken ct)
    {
        await BackfillAsync(model, ct);
        var vector = (await model.EmbedAsync([query], ct))[0];
        var rows = await Chunks.Where(c => c.EmbeddingModel == model.Name).ToListAsync(ct);
        return rows.Select(c => ToPassage(c, Math.Max(0, MemoryVectors.Cosine(vector, MemoryVectors.FromBytes(c.Embedding!)))))
            .Where(Keep)
            .OrderByDescending(p => p.Score)
            .ToList();
    }

    private bool Keep(Passage passage) => passage.Score >= threshold && MetadataFilter.Matches(filters, passage.Metadata);

    private static Passage ToPassage(RagChunk chunk, double score)
    {
        var metadata = JsonNode.Parse(chunk.Metadata) as JsonObject ?? [];
        var source = metadata["source"]?.ToString() ?? "";
        return new Passage(chunk.Text, score, source, chunk.DocumentId.ToString(), metadata);
    }

    /// <summary>Embeds, in batches, the collection's chunks that have no vector of this model yet (uploaded without one, or by another).</summary>
    private async Task BackfillAsync(EmbeddingModel model, CancellationToken ct)
    {
        var missing = await Chunks.Where(c => c.EmbeddingModel == null || c.EmbeddingModel != model.Name)
            .OrderBy(c => c.DocumentId).ThenBy(c => c.Ordinal).Select(c => new { c.Id, c.Text }).Take(MaxBackfill).ToListAsync(ct);
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var vectors = await model.EmbedAsync(batch.Select(c => c.Text).ToList(), ct);
            for (var i = 0; i < batch.Length; i++)
            {
                var bytes = MemoryVectors.ToBytes(vectors[i]);
                var id = batch[i].Id;
                await db.RagChunks.IgnoreQueryFilters().Where(c => c.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Embedding, bytes).SetProperty(c => c.EmbeddingModel, model.Name), ct);
            }
        }
    }
}
