using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Sqlite;

namespace Zygo.Engine.Memory;

/// <summary>
/// Finds the tenant's memories holding any of the query's terms, best first. On SQLite through the FTS5 index ranked
/// by bm25; on SQL Server and PostgreSQL (no FTS5) by plain LIKE, ranked by how many terms each memory holds.
/// </summary>
internal static class MemoryKeywordIndex
{
    /// <summary>Most hits considered (as in the FTS query); filters and the limit apply afterwards.</summary>
    private const int MaxHits = 1000;

    public static Task<IReadOnlyList<Guid>> FindAsync(ZygoDbContext db, Guid tenantId, IReadOnlyList<string> terms, CancellationToken ct) =>
        terms.Count == 0 ? Task.FromResult<IReadOnlyList<Guid>>([])
            : db.Database.IsSqlite() ? FullTextAsync(db, tenantId, terms, ct) : LikeAsync(db, tenantId, terms, ct);

    private static async Task<IReadOnlyList<Guid>> FullTextAsync(ZygoDbContext db, Guid tenantId, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var match = MemoryTerms.MatchExpression(terms);
        // The FTS row holds the ids as EF writes Guids on SQLite: upper-case text.
        var tenant = tenantId.ToString().ToUpperInvariant();
        var ids = await db.Database.SqlQueryRaw<string>(MemoryFullTextIndex.Search, match, tenant).ToListAsync(ct);
        return ids.Select(Guid.Parse).ToList();
    }

    /// <summary>The portable path; internal so it is tested on SQLite too.</summary>
    internal static async Task<IReadOnlyList<Guid>> LikeAsync(ZygoDbContext db, Guid tenantId, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var term in terms)
        {
            // Terms are letters and digits only (MemoryTerms), so none needs escaping; lower() because PostgreSQL's LIKE minds case.
            var pattern = $"%{term}%";
            var ids = await db.Memories.IgnoreQueryFilters()
                .Where(m => m.TenantId == tenantId && !m.Superseded)
                .Where(m => EF.Functions.Like(m.Content.ToLower(), pattern) || EF.Functions.Like(m.Key.ToLower(), pattern)
                    || EF.Functions.Like(m.Title.ToLower(), pattern) || EF.Functions.Like(m.Tags, pattern))
                .OrderByDescending(m => m.UpdatedAt).Select(m => m.Id).Take(MaxHits).ToListAsync(ct);
            foreach (var id in ids)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts.OrderByDescending(c => c.Value).Select(c => c.Key).ToList();
    }
}
