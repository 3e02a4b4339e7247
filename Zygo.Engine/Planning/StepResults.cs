using Zygo.Engine.Agent;

namespace Zygo.Engine.Planning;

/// <summary>
/// The agent's tool calls as numbered lines for a synthesizer: tool, arguments, outcome and observation, each
/// observation cut to a length, and the lines cut to a total so one huge result cannot crowd out the rest.
/// </summary>
public static class StepResults
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<ToolObservation> observations, int perResult, int total)
    {
        List<string> lines = [];
        var used = 0;
        foreach (var (observation, i) in observations.Select((o, i) => (o, i)))
        {
            var line = $"{i + 1}. {observation.Name} {observation.Arguments?.ToJsonString() ?? "{}"} → {observation.Outcome}: {Cut(observation.Text, perResult)}";
            if (used + line.Length > total)
            {
                lines.Add($"({observations.Count - i} more result(s) left out for length)");
                break;
            }

            lines.Add(line);
            used += line.Length;
        }

        return lines;
    }

    private static string Cut(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= length ? flat : flat[..length] + $"… ({flat.Length - length} more characters)";
    }
}
