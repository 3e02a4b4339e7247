namespace Zygo.Engine.Nodes.Ai;

/// <summary>The generation settings the AI Agent and the LLM node share on top of their model connection.</summary>
public abstract record ChatModelSettings : ModelConnection
{
    /// <summary>Randomness of the answers, 0 to 2.</summary>
    public double Temperature { get; init; } = 0.7;

    /// <summary>Upper bound on the tokens of one answer.</summary>
    public int MaxTokens { get; init; } = 1000;

    /// <summary>Instructions given to the model before the conversation.</summary>
    public string SystemPrompt { get; init; } = "";
}
