using System.Text.Json.Serialization;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>Which model a node talks to and how it signs in: shared by the AI Agent, LLM, Planner and RAG embeddings.</summary>
/// <remarks>Ordered before the inherited key, so the key is asked for after the provider that needs it.</remarks>
public record ModelConnection : ApiCredential
{
    /// <summary>The service that runs the model.</summary>
    [JsonPropertyOrder(-1)]
    public ModelProvider Provider { get; init; } = ModelProvider.Offline;

    /// <summary>Model (or Azure deployment) name, e.g. <c>gpt-4o</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Model { get; init; } = "offline";

    /// <summary>Base URL of the service: required for <c>openai_compatible</c> (Ollama, vLLM, LM Studio …) and <c>azure</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Endpoint { get; init; } = "";
}

/// <summary>The model services Zygo can talk to.</summary>
public enum ModelProvider
{
    Openai,
    Azure,

    /// <summary>Any service speaking the OpenAI API at <c>endpoint</c>.</summary>
    OpenaiCompatible,

    Anthropic,

    /// <summary>Built in, needs no key or network: ranks tools by their descriptions and composes answers from their results.</summary>
    Offline,
}
