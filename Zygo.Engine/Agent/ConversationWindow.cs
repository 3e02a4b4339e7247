using Microsoft.Extensions.AI;

namespace Zygo.Engine.Agent;

/// <summary>
/// The part of a conversation's history that goes to the model: the newest turns that fit a token budget, oldest
/// first. Tokens are estimated (about four characters each plus a little per message), which is close enough to
/// keep a long chat inside any model's context without a tokenizer per provider.
/// </summary>
public static class ConversationWindow
{
    /// <summary>What the system prompt, the history and the new message may take together.</summary>
    public const int DefaultBudget = 4000;

    private const int PerMessageOverhead = 4;

    public static int EstimateTokens(string text) => (text.Length + 3) / 4 + PerMessageOverhead;

    /// <summary>
    /// The newest turns of <paramref name="history"/> whose estimate fits what <paramref name="budget"/> leaves after
    /// the system prompt and the new message (both always sent).
    /// </summary>
    public static IReadOnlyList<ChatMessage> Newest(IReadOnlyList<ChatMessage> history, string systemPrompt, string message,
        int budget = DefaultBudget)
    {
        var start = FirstKept(history, m => m.Text, budget - EstimateTokens(systemPrompt) - EstimateTokens(message));
        return start == 0 ? history : history.Skip(start).ToList();
    }

    /// <summary>The index of the oldest of the newest <paramref name="turns"/> that fit <paramref name="budget"/> together.</summary>
    public static int FirstKept<T>(IReadOnlyList<T> turns, Func<T, string> text, int budget = DefaultBudget)
    {
        var left = budget;
        var start = turns.Count;
        for (; start > 0; start--)
        {
            var cost = EstimateTokens(text(turns[start - 1]));
            if (cost > left)
            {
                break;
            }

            left -= cost;
        }

        return start;
    }
}
