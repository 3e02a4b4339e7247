using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Engine.Llm;
using MemoryRow = Zygo.Data.Entities.Memory;

namespace Zygo.Engine.Memory;

/// <summary>
/// The three ways of searching memories, each returning hits best first that reach the threshold: keyword (index
/// order; score = share of the query's words a memory holds), semantic (cosine similarity of embeddings) and hybrid
/// (reciprocal-rank fusion of the two lists, each cut at the threshold first).
/// </summary>
internal sealed class MemorySearcher(ZygoDbContext db, Guid tenantId, MemoryFilter filter, double threshold)
{
    /// <summary>Memories without a vector of the search's model that one search embeds; the rest wait for later searches.</summary>
    private const int MaxBackfill = 256;

    private readonly DateTime _now = DateTime.UtcNow;

    public async Task<IReadOnlyList<MemoryHit>> KeywordAsync(string query, CancellationToken ct)
    {
        var terms = MemoryTerms.Of(query);
        var ranked = await MemoryKeywordIndex.FindAsync(db, tenantId, terms, ct);
        if (ranked.Count == 0)
        {
            return [];
        }

        var rows = (await filter.Query(db, tenantId, _now).Where(m => ranked.Contains(m.Id)).ToListAsync(ct))
            .Where(filter.HasAnyTag).ToDictionary(m => m.Id);
        return ranked.Where(rows.ContainsKey)
            .Select(id => rows[id])
            .Select(m => (Memory: m, Score: MemoryTerms.Coverage(terms, MemoryTerms.AllOf(m.Key, m.Title, m.Content, m.Tags))))
            .Where(h => h.Score >= threshold)
            .Select(h => new MemoryHit(h.Memory, h.Score, Keyword: h.Score))
            .ToList();
    }

    public async Task<IReadOnlyList<MemoryHit>> SemanticAsync(string query, EmbeddingModel model, CancellationToken ct)
    {
        await BackfillAsync(model, ct);
        var vector = (await model.EmbedAsync([query], ct))[0];
        var rows = await filter.Query(db, tenantId, _now).Where(m => m.EmbeddingModel == model.Name).ToListAsync(ct);
        return rows.Where(filter.HasAnyTag)
            .Select(m => (Memory: m, Score: Math.Max(0, MemoryVectors.Cosine(vector, MemoryVectors.FromBytes(m.Embedding!)))))
            .Where(h => h.Score >= threshold)
            .OrderByDescending(h => h.Score)
            .Select(h => new MemoryHit(h.Memory, h.Score, Semantic: h.Score))
            .ToList();
    }

    public static IReadOnlyList<MemoryHit> Fuse(IReadOnlyList<MemoryHit> keyword, IReadOnlyList<MemoryHit> semantic)
    {
        var byId = keyword.Concat(semantic).GroupBy(h => h.Memory.Id).ToDictionary(g => g.Key, g => g.First().Memory);
        var keywordScores = keyword.ToDictionary(h => h.Memory.Id, h => h.Score);
        var semanticScores = semantic.ToDictionary(h => h.Memory.Id, h => h.Score);
        return RankFusion.Fuse(keyword.Select(h => h.Memory.Id).ToList(), semantic.Select(h => h.Memory.Id).ToList())
            .Select(f => new MemoryHit(byId[f.Id], f.Score, keywordScores.TryGetValue(f.Id, out var k) ? k : null,
                semanticScores.TryGetValue(f.Id, out var s) ? s : null))
            .ToList();
    }

    /// <summary>Embeds the tenant's current memories that have no vector of this model (stored without one, or by another).</summary>
    private async Task BackfillAsync(EmbeddingModel model, CancellationToken ct)
    {
        List<MemoryRow> missing = await db.Memories.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == tenantId && !m.Superseded && (m.ExpiresAt == null || m.ExpiresAt > _now)
                && (m.EmbeddingModel == null || m.EmbeddingModel != model.Name))
            .OrderByDescending(m => m.UpdatedAt).Take(MaxBackfill).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return;
        }

        var vectors = await model.EmbedAsync(missing.Select(m => m.Content).ToList(), ct);
        for (var i = 0; i < missing.Count; i++)
        {
            await MemoryEmbeddings.SaveAsync(db, missing[i].Id, model.Name, vectors[i], ct);
        }
    }
}
