using Zygo.Engine.Agent;

namespace Zygo.Engine.Planning;

/// <summary>
/// The offline synthesizer: no model, so it writes no new text. The answer is the draft followed by a labelled
/// summary of the steps done, the same for the same run.
/// </summary>
public static class OfflineSynthesis
{
    public const string Heading = "Steps done (offline synthesizer):";

    private const int ResultLength = 200;
    private const int ResultsLength = 4000;

    public static string Combine(IReadOnlyList<ToolObservation> observations, string draft)
    {
        var steps = observations.Count == 0
            ? " none, no tool was called."
            : "\n" + string.Join('\n', StepResults.Lines(observations, ResultLength, ResultsLength));
        return $"{draft.TrimEnd()}\n\n{Heading}{steps}";
    }
}
