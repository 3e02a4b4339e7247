using System.Text.Json.Nodes;

namespace Zygo.Web.Chat;

/// <summary>What a chat shows while the reply is being made.</summary>
public abstract record ChatEvent
{
    /// <summary>A piece of the reply's text, in order.</summary>
    public sealed record Token(string Text) : ChatEvent;

    /// <summary>A tool the agent called: tool, arguments, outcome and observation.</summary>
    public sealed record Step(JsonObject Record) : ChatEvent;
}
