namespace Zygo.Engine.Agent;

/// <summary>How an agent run ended.</summary>
/// <param name="Status"><see cref="Completed"/> with the model's final answer, or <see cref="IterationLimit"/>.</param>
public sealed record AgentResult(string Answer, string Status, int Iterations)
{
    public const string Completed = "completed";
    public const string IterationLimit = "iteration_limit";

    /// <summary>The model's own final answer when a synthesizer wrote <see cref="Answer"/> from it.</summary>
    public string? DraftAnswer { get; init; }
}
