namespace Zygo.Tests.Engine.Llm;

/// <summary>One answer the scripted model server gives, in the order the test queued them.</summary>
public abstract record ScriptedReply
{
    /// <summary>How long the server waits before answering (to provoke timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>How long the server waits before each streamed piece after the first (to make streaming observable).</summary>
    public TimeSpan PieceDelay { get; init; }

    /// <summary>A plain answer; streamed word by word when the client asked for a stream.</summary>
    public sealed record Text(string Content, int PromptTokens = 11, int CompletionTokens = 7) : ScriptedReply;

    /// <summary>A turn asking for tool calls (arguments as raw JSON text, which may be malformed on purpose).</summary>
    public sealed record ToolCalls(params ToolCall[] Calls) : ScriptedReply
    {
        public int PromptTokens { get; init; } = 13;
        public int CompletionTokens { get; init; } = 5;
    }

    /// <summary>An error status with an OpenAI-style error body, optionally a Retry-After header.</summary>
    public sealed record Error(int Status, string? RetryAfter = null) : ScriptedReply;
}

public sealed record ToolCall(string Id, string Name, string Arguments);
