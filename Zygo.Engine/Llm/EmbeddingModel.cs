using Microsoft.Extensions.AI;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Llm;

/// <summary>A provider's embedding generator; <see cref="Name"/> tells vectors of different models apart.</summary>
public sealed class EmbeddingModel(IEmbeddingGenerator<string, Embedding<float>> generator, string name, ProviderCall call)
{
    /// <summary>Provider and model, e.g. <c>openai_compatible:nomic-embed-text</c>: only vectors of one name are compared.</summary>
    public string Name { get; } = name;

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        try
        {
            var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
            return embeddings.Select(e => e.Vector.ToArray()).ToList();
        }
        catch (Exception ex) when (ex is not NodeFailedException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw ProviderFailures.Explain(ex, call);
        }
    }
}
