namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the LLM node (spec: LLMConfigData).</summary>
public sealed record LLMConfigData : ChatModelSettings
{
    /// <summary>Nucleus sampling: only the most likely tokens whose probabilities add up to this, 0 to 1.</summary>
    public double TopP { get; init; } = 1;

    /// <summary>Penalty on tokens by how often they already appeared, -2 to 2.</summary>
    public double FrequencyPenalty { get; init; }

    /// <summary>Penalty on tokens that already appeared at all, -2 to 2.</summary>
    public double PresencePenalty { get; init; }

    /// <summary>The user message, with {{…}} references; empty sends the <c>prompt</c> an agent passed.</summary>
    public string UserPromptTemplate { get; init; } = "";

    public LlmOutputFormat OutputFormat { get; init; } = LlmOutputFormat.Text;

    /// <summary>JSON schema the answer must follow when <c>outputFormat</c> is <c>json</c>.</summary>
    public string? JsonSchema { get; init; }
}

/// <summary>What the LLM node's answer is.</summary>
public enum LlmOutputFormat
{
    Text,
    Json,
    Markdown,
}
