using Microsoft.Extensions.AI;

namespace Zygo.Engine.Llm.Offline;

/// <summary>
/// Ranks tools against a request by the words they share, each shared word weighted by how rare it is among the
/// tools (inverse document frequency), so "order" picks the order tool rather than every tool that says "customer".
/// </summary>
internal static class ToolRanker
{
    /// <summary>Tools called together when they score at least this share of the best.</summary>
    private const double CompanionShare = 0.6;

    private const int MaxTools = 3;

    public static IReadOnlyList<AIFunctionDeclaration> Choose(string request, IReadOnlyList<AIFunctionDeclaration> tools)
    {
        var words = TextTokens.Of(request).ToHashSet(StringComparer.Ordinal);
        var documents = tools.Select(t => TextTokens.Of($"{t.Name.Replace('_', ' ')} {t.Description}").ToHashSet(StringComparer.Ordinal)).ToList();
        var scores = documents.Select(doc => words.Where(doc.Contains)
            .Sum(w => Math.Log(1.0 + (double)tools.Count / documents.Count(d => d.Contains(w))))).ToList();
        var best = scores.DefaultIfEmpty(0).Max();
        if (best <= 0)
        {
            return [];
        }

        return tools.Select((tool, i) => (tool, score: scores[i]))
            .Where(t => t.score >= best * CompanionShare)
            .OrderByDescending(t => t.score)
            .Take(MaxTools)
            .Select(t => t.tool)
            .ToList();
    }
}
