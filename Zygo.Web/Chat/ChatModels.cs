using System.Text.Json.Nodes;

namespace Zygo.Web.Chat;

/// <summary>A chat session in a list: newest activity first.</summary>
public sealed record ChatSessionSummary(Guid Id, Guid WorkflowId, string Title, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A chat session with its messages, oldest first.</summary>
public sealed record ChatSessionDetail(Guid Id, Guid WorkflowId, string Title, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<ChatMessageView> Messages);

/// <summary>One message as the API and the panel show it.</summary>
/// <param name="Steps">The tool steps of a reply (tool, arguments, outcome, observation), when any ran.</param>
/// <param name="Error">Why a reply has no answer (the run failed or was cancelled).</param>
public sealed record ChatMessageView(Guid Id, string Role, string Content, Guid? ExecutionId, string? Error, bool Offline,
    long? InputTokens, long? OutputTokens, JsonArray? Steps, DateTime CreatedAt);

/// <summary>Body of POST /api/v1/workflows/{id}/chat: the message, and the session to continue (a new one when absent).</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ChatRequest(string? Message, Guid? SessionId);
