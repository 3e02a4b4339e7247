using Anthropic;
using Microsoft.Extensions.AI;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm.Offline;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Llm;

/// <summary>
/// Builds the <see cref="IChatClient"/> a node's <see cref="ModelConnection"/> asks for. Without a key for a hosted
/// provider the node gets the offline model (and says so in its log), so a fresh install runs its agents.
/// </summary>
public sealed class ChatClientFactory(LlmOptions options)
{
    public async Task<ChatModel> CreateAsync(NodeContext context, ModelConnection connection, string keyField, CancellationToken ct)
    {
        var provider = connection.Provider;
        if (provider == ModelProvider.Offline)
        {
            return Offline();
        }

        var key = await ApiKeys.ResolveAsync(context, connection, keyField, ct);
        if (string.IsNullOrEmpty(key) && provider != ModelProvider.OpenaiCompatible)
        {
            context.Log($"No API key is configured for {ProviderNames.Of(provider)}: using the offline model.");
            return Offline();
        }

        var call = new ProviderCall(ProviderNames.Of(provider), context.Log);
        var http = ProviderClients.Http(call, options);
        var model = connection.Model.Trim();
        var client = provider switch
        {
            ModelProvider.Openai => ProviderClients.OpenAi(key!, ProviderClients.EndpointOrNull(connection), http).GetChatClient(model).AsIChatClient(),
            ModelProvider.OpenaiCompatible => ProviderClients.OpenAi(string.IsNullOrEmpty(key) ? ProviderClients.NoKey : key,
                ProviderClients.RequiredEndpoint(context, connection), http).GetChatClient(model).AsIChatClient(),
            ModelProvider.Azure => ProviderClients.Azure(key!, ProviderClients.RequiredEndpoint(context, connection), http)
                .GetChatClient(model).AsIChatClient(),
            ModelProvider.Anthropic => new AnthropicClient(new Anthropic.Core.ClientOptions
                {
                    ApiKey = key!,
                    HttpClient = http,
                    MaxRetries = 0,
                    BaseUrl = ProviderClients.EndpointOrNull(connection)?.ToString().TrimEnd('/') ?? "https://api.anthropic.com",
                }).AsIChatClient(model),
            _ => throw new NodeFailedException($"'{provider}' is not a model provider Zygo knows."),
        };
        return new ChatModel(new ProviderChatClient(client, call), provider, model);
    }

    private static ChatModel Offline() => new(new OfflineChatClient(), ModelProvider.Offline, OfflineChatClient.ModelId);
}
