namespace Zygo.Engine.Planning;

/// <summary>The reply in which a Planner asks its clarifying questions, one per line, as the chat shows it.</summary>
public static class PlanQuestions
{
    public const string Opening = "Before I start, I need to know:";

    public static string Ask(IReadOnlyList<string> questions) =>
        Opening + "\n" + string.Join('\n', questions.Select((q, i) => $"{i + 1}. {q}"));
}
