namespace Zygo.Engine.Nodes.Trigger;

/// <summary>How a chat-started workflow talks back.</summary>
public sealed record ChatTriggerConfig
{
    /// <summary>Let the AI Agent decide which nodes answer each message.</summary>
    public bool IntelligentAutomation { get; init; } = true;

    /// <summary>Tell the person in the chat what the workflow is doing while it runs.</summary>
    public bool ExecutionNarration { get; init; } = true;

    public ChatResponseStyle ResponseStyle { get; init; } = ChatResponseStyle.Standard;
}

public enum ChatResponseStyle
{
    Concise,
    Standard,
    Detailed,
}
