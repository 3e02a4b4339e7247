using Microsoft.Extensions.AI;

namespace Zygo.Engine.Planning;

/// <summary>
/// The exchange a Planner is in with the person, read from the end of a conversation (history and current message):
/// the request it asked about, the person's answers and corrections since, and whether the person confirmed the plan.
/// </summary>
/// <param name="Confirmed">The person said yes to the plan the Planner last asked them to confirm.</param>
public sealed record PlannerDialogue(string Request, IReadOnlyList<string> Answers, bool Confirmed)
{
    /// <summary>
    /// The exchange, when every assistant turn since the request is one of the Planner's own prompts (questions or a
    /// confirmation) and the person replied; else null, so an unrelated later message starts afresh.
    /// </summary>
    public static PlannerDialogue? Find(IReadOnlyList<ChatMessage> conversation)
    {
        List<int> prompts = [];
        for (var i = conversation.Count - 1; i >= 0; i--)
        {
            if (conversation[i].Role != ChatRole.Assistant)
            {
                continue;
            }

            if (!IsQuestions(conversation[i]) && !IsConfirmation(conversation[i]))
            {
                break;
            }

            prompts.Insert(0, i);
        }

        var request = prompts.Count == 0 ? null : conversation.Take(prompts[0]).LastOrDefault(m => m.Role == ChatRole.User)?.Text.Trim();
        if (string.IsNullOrEmpty(request))
        {
            return null;
        }

        List<string> answers = [];
        var confirmed = false;
        for (var k = 0; k < prompts.Count; k++)
        {
            var end = k + 1 < prompts.Count ? prompts[k + 1] : conversation.Count;
            var replies = conversation.Take(end).Skip(prompts[k] + 1)
                .Where(m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text)).Select(m => m.Text.Trim()).ToList();
            var yes = k == prompts.Count - 1 && IsConfirmation(conversation[prompts[k]]) && replies.Count > 0 && PlanConfirmation.Affirms(replies[0]);
            confirmed |= yes;
            answers.AddRange(yes ? replies.Skip(1) : replies);
        }

        return answers.Count > 0 || confirmed ? new PlannerDialogue(request, answers, confirmed) : null;
    }

    private static bool IsQuestions(ChatMessage message) => message.Text.StartsWith(PlanQuestions.Opening, StringComparison.Ordinal);

    private static bool IsConfirmation(ChatMessage message) => message.Text.StartsWith(PlanConfirmation.Opening, StringComparison.Ordinal);
}
