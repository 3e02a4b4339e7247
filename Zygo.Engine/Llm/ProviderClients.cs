using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using OpenAI;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Llm;

/// <summary>The HTTP plumbing and SDK clients the chat and the embedding factories share.</summary>
internal static class ProviderClients
{
    // One connection pool for every provider call of this process; each call gets its own retrying layer on top.
    private static readonly SocketsHttpHandler Sockets = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

    // Local OpenAI-compatible servers (Ollama, llama.cpp …) ignore the key, but the SDK requires one.
    public const string NoKey = "no-key";

    /// <summary>An HTTP client whose requests are timed, retried and recorded in <paramref name="call"/>.</summary>
    public static HttpClient Http(ProviderCall call, LlmOptions options) =>
        new(new ProviderHttpHandler(call, options, Sockets), disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan, // Streams may run long; each request's wait is bounded by the handler.
        };

    public static OpenAIClient OpenAi(string key, Uri? endpoint, HttpClient http) =>
        new(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
        });

    public static AzureOpenAIClient Azure(string key, Uri endpoint, HttpClient http) =>
        new(endpoint, new ApiKeyCredential(key),
            new AzureOpenAIClientOptions { Transport = new HttpClientPipelineTransport(http), RetryPolicy = new ClientRetryPolicy(0) });

    public static Uri? EndpointOrNull(ModelConnection connection) =>
        Uri.TryCreate(connection.Endpoint.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    public static Uri RequiredEndpoint(NodeContext context, ModelConnection connection) =>
        EndpointOrNull(connection) is { Scheme: "http" or "https" } uri
            ? uri
            : throw new NodeFailedException(string.IsNullOrWhiteSpace(connection.Endpoint)
                ? $"'{context.Node.DisplayName}' uses {ProviderNames.Of(connection.Provider)}, which needs the service's base URL in 'endpoint'."
                : $"The endpoint of '{context.Node.DisplayName}' is not an http(s) URL.");
}
