using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Llm;

/// <summary>A provider's chat client whose failures are explained through <see cref="ProviderFailures"/>.</summary>
internal sealed class ProviderChatClient(IChatClient inner, ProviderCall call) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (IsProviderFailure(ex, cancellationToken))
        {
            throw ProviderFailures.Explain(ex, call);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (IsProviderFailure(ex, cancellationToken))
            {
                throw ProviderFailures.Explain(ex, call);
            }

            yield return updates.Current;
        }
    }

    private static bool IsProviderFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not NodeFailedException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
