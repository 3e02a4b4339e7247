namespace Zygo.Engine.Memory;

/// <summary>
/// Reciprocal-rank fusion: each list adds 1/(k + rank) for the items it holds, so an item ranked well by both keyword
/// and vector search beats one ranked first by only one. Scores are scaled so first in every list is 1.
/// </summary>
internal static class RankFusion
{
    /// <summary>The usual constant: it damps the weight of the very first ranks.</summary>
    public const int K = 60;

    public static IReadOnlyList<(Guid Id, double Score)> Fuse(params IReadOnlyList<Guid>[] rankings)
    {
        var best = rankings.Length / (double)(K + 1);
        var scores = new Dictionary<Guid, double>();
        foreach (var ranking in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                scores[ranking[i]] = scores.GetValueOrDefault(ranking[i]) + 1.0 / (K + i + 1);
            }
        }

        return scores.OrderByDescending(s => s.Value).Select(s => (s.Key, s.Value / best)).ToList();
    }
}
