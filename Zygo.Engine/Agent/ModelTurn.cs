using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Zygo.Engine.Agent;

/// <summary>One request to the model, streamed (publishing each piece of text as it arrives) or not.</summary>
public static class ModelTurn
{
    public static async Task<(ChatResponse Response, double LatencyMs)> AskAsync(IChatClient client, IList<ChatMessage> messages,
        ChatOptions options, Action<string>? onToken, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (onToken is null)
        {
            var response = await client.GetResponseAsync(messages, options, cancellationToken);
            return (response, clock.Elapsed.TotalMilliseconds);
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
            if (update.Text is { Length: > 0 } text)
            {
                onToken(text);
            }
        }

        return (updates.ToChatResponse(), clock.Elapsed.TotalMilliseconds);
    }
}
