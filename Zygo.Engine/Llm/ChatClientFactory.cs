using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OpenAI;
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
    // One connection pool for every provider call of this process; each call gets its own retrying layer on top.
    private static readonly SocketsHttpHandler Sockets = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

    // Local OpenAI-compatible servers (Ollama, llama.cpp …) ignore the key, but the SDK requires one.
    private const string NoKey = "no-key";

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
        var http = new HttpClient(new ProviderHttpHandler(call, options, Sockets), disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan, // Streams may run long; each request's wait is bounded by the handler.
        };
        var model = connection.Model.Trim();
        var client = provider switch
        {
            ModelProvider.Openai => OpenAi(key!, EndpointOrNull(connection), http).GetChatClient(model).AsIChatClient(),
            ModelProvider.OpenaiCompatible => OpenAi(string.IsNullOrEmpty(key) ? NoKey : key,
                RequiredEndpoint(context, connection), http).GetChatClient(model).AsIChatClient(),
            ModelProvider.Azure => new AzureOpenAIClient(RequiredEndpoint(context, connection), new ApiKeyCredential(key!),
                    new AzureOpenAIClientOptions { Transport = new HttpClientPipelineTransport(http), RetryPolicy = new ClientRetryPolicy(0) })
                .GetChatClient(model).AsIChatClient(),
            ModelProvider.Anthropic => new AnthropicClient(new Anthropic.Core.ClientOptions
                {
                    ApiKey = key!,
                    HttpClient = http,
                    MaxRetries = 0,
                    BaseUrl = EndpointOrNull(connection)?.ToString().TrimEnd('/') ?? "https://api.anthropic.com",
                }).AsIChatClient(model),
            _ => throw new NodeFailedException($"'{provider}' is not a model provider Zygo knows."),
        };
        return new ChatModel(new ProviderChatClient(client, call), provider, model);
    }

    private static ChatModel Offline() => new(new OfflineChatClient(), ModelProvider.Offline, OfflineChatClient.ModelId);

    private static OpenAIClient OpenAi(string key, Uri? endpoint, HttpClient http) =>
        new(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
        });

    private static Uri? EndpointOrNull(ModelConnection connection) =>
        Uri.TryCreate(connection.Endpoint.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    private static Uri RequiredEndpoint(NodeContext context, ModelConnection connection) =>
        EndpointOrNull(connection) is { Scheme: "http" or "https" } uri
            ? uri
            : throw new NodeFailedException(string.IsNullOrWhiteSpace(connection.Endpoint)
                ? $"'{context.Node.DisplayName}' uses {ProviderNames.Of(connection.Provider)}, which needs the service's base URL in 'endpoint'."
                : $"The endpoint of '{context.Node.DisplayName}' is not an http(s) URL.");
}
