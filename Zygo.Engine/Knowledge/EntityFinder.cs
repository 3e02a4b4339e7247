using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;

namespace Zygo.Engine.Knowledge;

/// <summary>
/// Finds entities by name, type and property values. Name and type filter in the database; property values and fuzzy
/// names are compared in memory over a bounded set of candidates, the same on every database provider.
/// </summary>
internal static class EntityFinder
{
    /// <summary>
    /// Lowest similarity (1 − edit distance ÷ longer length) a fuzzy match needs; one edit always matches, so short
    /// names forgive a typo too.
    /// </summary>
    public const double FuzzyThreshold = 0.85;

    public static async Task<EntityPage> FindAsync(IQueryable<KnowledgeEntity> entities, EntitySearch search, CancellationToken ct)
    {
        var query = entities;
        var type = EntityNames.Kind(search.Type);
        if (type.Length > 0)
        {
            query = query.Where(e => e.Type == type);
        }

        var name = EntityNames.Normalize(search.Name);
        if (name.Length > 0 && search.Match != EntityNameMatch.Fuzzy)
        {
            query = search.Match == EntityNameMatch.Exact
                ? query.Where(e => e.NormalizedName == name)
                : query.Where(e => e.NormalizedName.Contains(name));
        }

        query = query.OrderBy(e => e.NormalizedName).ThenBy(e => e.Type);
        var fuzzy = name.Length > 0 && search.Match == EntityNameMatch.Fuzzy;
        if (!fuzzy && search.Properties.Count == 0)
        {
            var total = await query.CountAsync(ct);
            return new EntityPage(await query.Skip(search.Skip).Take(search.Take).ToListAsync(ct), total);
        }

        var limit = fuzzy ? EntitySearch.FuzzyScanLimit : EntitySearch.FilterScanLimit;
        IEnumerable<KnowledgeEntity> matches = (await query.Take(limit).ToListAsync(ct)).Where(e => HasProperties(e, search.Properties));
        if (fuzzy)
        {
            matches = matches.Select(e => (Entity: e, Distance: Distance(name, e.NormalizedName)))
                .Select(m => (m.Entity, m.Distance, Score: 1 - (double)m.Distance / Math.Max(name.Length, m.Entity.NormalizedName.Length)))
                .Where(m => m.Score >= FuzzyThreshold || m.Distance <= 1 || m.Entity.NormalizedName.Contains(name, StringComparison.Ordinal))
                .OrderByDescending(m => m.Score).Select(m => m.Entity);
        }

        var all = matches.ToList();
        return new EntityPage(all.Skip(search.Skip).Take(search.Take).ToList(), all.Count);
    }

    private static bool HasProperties(KnowledgeEntity entity, IReadOnlyDictionary<string, string> wanted)
    {
        if (wanted.Count == 0)
        {
            return true;
        }

        var properties = EntityProperties.Parse(entity.Properties);
        return wanted.All(w => string.Equals(EntityProperties.Text(properties, w.Key), w.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>1 for equal strings, 0 for nothing in common, by Levenshtein distance.</summary>
    public static double Similarity(string a, string b) =>
        a.Length == 0 && b.Length == 0 ? 1 : 1 - (double)Distance(a, b) / Math.Max(a.Length, b.Length);

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions from one to the other.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
