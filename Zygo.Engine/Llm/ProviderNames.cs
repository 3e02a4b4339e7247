using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Llm;

/// <summary>Providers as people know them, for messages.</summary>
public static class ProviderNames
{
    public static string Of(ModelProvider provider) => provider switch
    {
        ModelProvider.Openai => "OpenAI",
        ModelProvider.Azure => "Azure OpenAI",
        ModelProvider.OpenaiCompatible => "The OpenAI-compatible service",
        ModelProvider.Anthropic => "Anthropic",
        _ => "The offline model",
    };
}
