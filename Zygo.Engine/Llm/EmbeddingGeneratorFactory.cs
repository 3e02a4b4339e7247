using System.Text.Json;
using Microsoft.Extensions.AI;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Llm;

/// <summary>An embedding model, or why there is none (the caller degrades and says so).</summary>
public sealed record EmbeddingLookup(EmbeddingModel? Model, string? Missing);

/// <summary>
/// Builds the <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> a <see cref="ModelConnection"/> asks for: OpenAI,
/// Azure OpenAI or any OpenAI-compatible <c>/v1/embeddings</c>. There is no offline embedding model, so offline, a
/// hosted provider without a key, and Anthropic (no embeddings API) give none.
/// </summary>
public sealed class EmbeddingGeneratorFactory(LlmOptions options)
{
    public async Task<EmbeddingLookup> CreateAsync(NodeContext context, ModelConnection connection, string keyField, CancellationToken ct)
    {
        var provider = connection.Provider;
        switch (provider)
        {
            case ModelProvider.Offline:
                return new(null, "no embedding provider is configured");
            case ModelProvider.Anthropic:
                return new(null, "Anthropic offers no embeddings; choose openai, azure or openai_compatible");
        }

        var key = await ApiKeys.ResolveAsync(context, connection, keyField, ct);
        if (string.IsNullOrEmpty(key) && provider != ModelProvider.OpenaiCompatible)
        {
            return new(null, $"no API key is configured for {ProviderNames.Of(provider)} embeddings");
        }

        var call = new ProviderCall(ProviderNames.Of(provider), context.Log);
        var http = ProviderClients.Http(call, options);
        var model = connection.Model.Trim();
        var generator = provider switch
        {
            ModelProvider.Openai => ProviderClients.OpenAi(key!, ProviderClients.EndpointOrNull(connection), http)
                .GetEmbeddingClient(model).AsIEmbeddingGenerator(),
            ModelProvider.OpenaiCompatible => ProviderClients.OpenAi(string.IsNullOrEmpty(key) ? ProviderClients.NoKey : key,
                ProviderClients.RequiredEndpoint(context, connection), http).GetEmbeddingClient(model).AsIEmbeddingGenerator(),
            ModelProvider.Azure => ProviderClients.Azure(key!, ProviderClients.RequiredEndpoint(context, connection), http)
                .GetEmbeddingClient(model).AsIEmbeddingGenerator(),
            _ => throw new NodeFailedException($"'{provider}' is not a model provider Zygo knows."),
        };
        var providerId = JsonSerializer.SerializeToElement(provider, EngineJson.Options).GetString();
        return new(new EmbeddingModel(generator, $"{providerId}:{model}", call), null);
    }
}
