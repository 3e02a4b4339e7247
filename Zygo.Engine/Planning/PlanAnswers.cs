using Microsoft.Extensions.AI;

namespace Zygo.Engine.Planning;

/// <summary>
/// The Planner's questions in a chat: the reply that asks them, and finding them again in a later turn's
/// conversation together with the request that led to them and the person's answers since.
/// </summary>
public static class PlanAnswers
{
    private const string Opening = "Before I start, I need to know:";

    /// <summary>The reply that asks the questions, one per line, as the chat shows it.</summary>
    public static string Ask(IReadOnlyList<string> questions) =>
        Opening + "\n" + string.Join('\n', questions.Select((q, i) => $"{i + 1}. {q}"));

    /// <summary>
    /// The request the Planner last asked questions about and the user's answers after them, when the conversation
    /// (history and the current message) holds such questions and at least one answer; else null.
    /// </summary>
    public static AnsweredQuestions? Find(IReadOnlyList<ChatMessage> conversation)
    {
        for (var i = conversation.Count - 1; i >= 0; i--)
        {
            if (conversation[i].Role != ChatRole.Assistant || !conversation[i].Text.StartsWith(Opening, StringComparison.Ordinal))
            {
                continue;
            }

            var answers = conversation.Skip(i + 1).Where(m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text))
                .Select(m => m.Text.Trim()).ToList();
            var request = conversation.Take(i).LastOrDefault(m => m.Role == ChatRole.User)?.Text.Trim();
            return answers.Count > 0 && !string.IsNullOrEmpty(request) ? new AnsweredQuestions(request, answers) : null;
        }

        return null;
    }
}

/// <summary>The request a Planner asked about, and what the person answered.</summary>
public sealed record AnsweredQuestions(string Request, IReadOnlyList<string> Answers);
