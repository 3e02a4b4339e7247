namespace Zygo.Web.Chat;

/// <summary>Why a chat message cannot start a run: no such workflow or session here, or a workflow that cannot chat.</summary>
public sealed class ChatRefusedException(ChatRefusal reason, string message) : Exception(message)
{
    public ChatRefusal Reason { get; } = reason;
}

public enum ChatRefusal
{
    /// <summary>The workflow or the session does not exist for this user in this tenant.</summary>
    NotFound,

    /// <summary>The workflow has no chat trigger, or its graph does not pass validation.</summary>
    CannotChat,
}
