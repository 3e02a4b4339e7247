using Microsoft.Extensions.AI;
using Zygo.Engine.Agent;

namespace Zygo.Engine.Planning;

/// <summary>What the synthesizer model is asked: the request, the plan, the steps' results and the agent's draft.</summary>
public static class SynthesisPrompt
{
    /// <summary>Observations are cut to this many characters each, and to <see cref="ResultsLength"/> together.</summary>
    public const int ResultLength = 1500;

    public const int ResultsLength = 12000;

    private const string Instructions = """
        You write the final answer of an assistant that carried out a plan with tools. Combine the results of its
        steps and its draft answer into one answer for the user: keep what the results support, correct the draft
        where the results contradict it, and say plainly what could not be done. Reply with the answer only.
        """;

    public static List<ChatMessage> Messages(string request, Plan plan, IReadOnlyList<ToolObservation> observations, string draft)
    {
        var results = observations.Count == 0
            ? "(none: no tool was called)"
            : string.Join('\n', StepResults.Lines(observations, ResultLength, ResultsLength));
        return
        [
            new(ChatRole.System, Instructions),
            new(ChatRole.User, $"Request: {request}\n\nPlan:\n{plan.Outline()}\nResults of the steps, in the order they ran:\n{results}\n\nDraft answer:\n{draft}"),
        ];
    }
}
