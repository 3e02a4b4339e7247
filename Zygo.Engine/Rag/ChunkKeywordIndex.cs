using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Sqlite;
using Zygo.Engine.Memory;

namespace Zygo.Engine.Rag;

/// <summary>
/// A collection's chunks holding any of the query's terms, best first: on SQLite through the FTS5 index ranked by bm25;
/// on SQL Server and PostgreSQL by LIKE, ranked by how many terms each chunk holds.
/// </summary>
internal static class ChunkKeywordIndex
{
    private const int MaxHits = 1000;

    public static Task<IReadOnlyList<Guid>> FindAsync(ZygoDbContext db, Guid tenantId, Guid collectionId, IReadOnlyList<string> terms,
        CancellationToken ct) =>
        terms.Count == 0 ? Task.FromResult<IReadOnlyList<Guid>>([])
            : db.Database.IsSqlite() ? FullTextAsync(db, tenantId, collectionId, terms, ct) : LikeAsync(db, tenantId, collectionId, terms, ct);

    private static async Task<IReadOnlyList<Guid>> FullTextAsync(ZygoDbContext db, Guid tenantId, Guid collectionId,
        IReadOnlyList<string> terms, CancellationToken ct)
    {
        // The FTS row holds the ids as EF writes Guids on SQLite: upper-case text.
        var ids = await db.Database.SqlQueryRaw<string>(RagChunkFullTextIndex.Search, MemoryTerms.MatchExpression(terms),
            tenantId.ToString().ToUpperInvariant(), collectionId.ToString().ToUpperInvariant()).ToListAsync(ct);
        return ids.Select(Guid.Parse).ToList();
    }

    /// <summary>The portable path; internal so it is tested on SQLite too.</summary>
    internal static async Task<IReadOnlyList<Guid>> LikeAsync(ZygoDbContext db, Guid tenantId, Guid collectionId,
        IReadOnlyList<string> terms, CancellationToken ct)
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var term in terms)
        {
            // Terms are letters and digits only (MemoryTerms): nothing to escape; lower() because PostgreSQL's LIKE minds case.
            var pattern = $"%{term}%";
            var ids = await db.RagChunks.IgnoreQueryFilters()
                .Where(c => c.TenantId == tenantId && c.CollectionId == collectionId)
                .Where(c => EF.Functions.Like(c.Text.ToLower(), pattern) || EF.Functions.Like(c.Heading.ToLower(), pattern))
                .Select(c => c.Id).Take(MaxHits).ToListAsync(ct);
            foreach (var id in ids)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts.OrderByDescending(c => c.Value).Select(c => c.Key).ToList();
    }
}
