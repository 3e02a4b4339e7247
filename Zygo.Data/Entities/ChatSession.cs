namespace Zygo.Data.Entities;

/// <summary>
/// One conversation of a user with a chat-triggered workflow. Private to its user: only they list, read or delete it
/// (what the runs did stays visible to those who may read executions).
/// </summary>
public class ChatSession : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid WorkflowId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The start of the first message, so a list of sessions is readable.</summary>
    public string Title { get; set; } = "";

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>When the last message was added; sessions are listed newest first by it.</summary>
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
