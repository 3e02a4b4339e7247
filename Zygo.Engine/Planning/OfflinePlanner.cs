using System.Text.RegularExpressions;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Planning;

/// <summary>
/// The offline planner: a deterministic plan from the goal's own sentences, one step per clause in order (each after
/// the one before). Clauses with must/need/should are requirements, with only/without/before/within constraints. A
/// goal of a few words gets clarifying questions unless they were answered; the answers join the requirements.
/// </summary>
public static partial class OfflinePlanner
{
    private const int FewWords = 5;

    private static readonly string[] Questions =
    [
        "What exactly should the result contain?",
        "Who is the result for, and by when is it needed?",
        "Is there anything the work must avoid or must not change?",
    ];

    public static Plan Make(string goal, IReadOnlyList<string> answers, PlannerConfigData config)
    {
        var clauses = ClauseBreak().Split(goal).Select(c => c.Trim(' ', ',', '.')).Where(c => c.Length > 0).ToList();
        if (clauses.Count == 0)
        {
            clauses.Add(goal.Trim());
        }

        var steps = clauses.Select((c, i) => new PlanStep
        {
            Id = $"{i + 1}",
            Description = char.ToUpperInvariant(c[0]) + c[1..],
            DependsOn = i == 0 ? [] : [$"{i}"],
        }).ToList();

        var requirements = clauses.Where(c => Requirement().IsMatch(c)).Concat(answers.Select(a => $"As answered: {a}")).ToList();
        Pad(requirements, config.MinRequirements, $"Achieve the goal: {goal.Trim()}", "Report the outcome to the person who asked");
        var constraints = clauses.Where(c => Constraint().IsMatch(c)).ToList();
        Pad(constraints, config.MinConstraints, "Use only the tools this workflow provides", "Ask before anything irreversible");

        var vague = goal.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < FewWords;
        List<string> open = vague && answers.Count == 0 ? [.. Questions] : [];
        return new Plan
        {
            Goal = goal.Trim(),
            Requirements = requirements,
            Constraints = constraints,
            Steps = steps,
            ClarifyingQuestions = open,
            Confidence = open.Count > 0 ? 40 : answers.Count > 0 ? 85 : 75,
        };
    }

    private static void Pad(List<string> items, int minimum, params string[] fillers)
    {
        foreach (var filler in fillers.Where(_ => items.Count < minimum))
        {
            items.Add(filler);
        }
    }

    [GeneratedRegex(@"[.!?;]\s+|[.!?;]$|,?\s+(?:and then|then|after that|finally)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\b(must|need|needs|should|has to|have to|require[sd]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Requirement();

    [GeneratedRegex(@"\b(only|without|before|within|under|never|no more than|at most)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Constraint();
}
