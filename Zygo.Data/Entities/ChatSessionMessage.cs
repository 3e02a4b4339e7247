namespace Zygo.Data.Entities;

/// <summary>
/// One message of a <see cref="ChatSession"/>: what the user wrote, or the workflow's reply with how it got there.
/// Not called ChatMessage, which Microsoft.Extensions.AI already names.
/// </summary>
public class ChatSessionMessage : ITenantScoped
{
    public const string UserRole = "user";
    public const string AssistantRole = "assistant";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }

    /// <summary><see cref="UserRole"/> or <see cref="AssistantRole"/>.</summary>
    public required string Role { get; set; }

    public required string Content { get; set; }

    /// <summary>The run that produced a reply (kept when the run's record is purged later).</summary>
    public Guid? ExecutionId { get; set; }

    /// <summary>Why a reply is missing (the run failed or was cancelled); null for an answer.</summary>
    public string? Error { get; set; }

    /// <summary>True when the built-in offline model wrote the reply: the UI labels it.</summary>
    public bool Offline { get; set; }

    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }

    /// <summary>JSON array of the agent's tool steps (tool, arguments, outcome, observation); null when none ran.</summary>
    public string? Steps { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
