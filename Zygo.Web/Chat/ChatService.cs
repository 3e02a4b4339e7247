using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Agent;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Service;
using Zygo.Engine.Nodes.Trigger;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Chat;

/// <summary>
/// Chats with chat-triggered workflows, for the API and the editor's panel alike. A session belongs to the user who
/// started it: nobody else lists, reads or deletes it, Admins included (the runs stay visible to those who may read
/// executions). Each message runs the workflow with <c>{message, sessionId, history}</c>, history being the
/// session's earlier messages, oldest first, windowed by tokens; the reply is saved with its steps and token usage.
/// A context per call keeps it safe inside a long-lived Blazor circuit.
/// </summary>
public sealed class ChatService(
    IDbContextFactory<ZygoDbContext> contexts,
    ICurrentUser user,
    WorkflowExecutor executor,
    ExecutionEventBus events,
    TimeProvider clock)
{
    public const int MaxMessageLength = 16_000;
    public const int MaxTitleLength = 80;

    /// <summary>How many earlier messages are read to fill the history window (the window is usually smaller).</summary>
    private const int HistoryReadLimit = 200;

    public async Task<IReadOnlyList<ChatSessionSummary>> ListSessionsAsync(Guid workflowId, CancellationToken ct = default)
    {
        var me = Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await RequireWorkflowAsync(db, workflowId, ct);
        return await db.ChatSessions.AsNoTracking()
            .Where(s => s.WorkflowId == workflowId && s.UserId == me)
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new ChatSessionSummary(s.Id, s.WorkflowId, s.Title, s.CreatedAt, s.UpdatedAt))
            .ToListAsync(ct);
    }

    public async Task<ChatSessionDetail> GetSessionAsync(Guid workflowId, Guid sessionId, CancellationToken ct = default)
    {
        var me = Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = await RequireSessionAsync(db, workflowId, sessionId, me, ct);
        var messages = await db.ChatMessages.AsNoTracking().Where(m => m.SessionId == sessionId)
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return new ChatSessionDetail(session.Id, session.WorkflowId, session.Title, session.CreatedAt, session.UpdatedAt,
            messages.Select(View).ToList());
    }

    public async Task DeleteSessionAsync(Guid workflowId, Guid sessionId, CancellationToken ct = default)
    {
        var me = Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChatSessions.Remove(await RequireSessionAsync(db, workflowId, sessionId, me, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks the message, the workflow and the session, creates the run and saves the user's message. Throws
    /// <see cref="InputValidationException"/> for a bad message and <see cref="ChatRefusedException"/> otherwise.
    /// </summary>
    public async Task<ChatTurn> StartAsync(Guid workflowId, string? message, Guid? sessionId, TriggerSource source,
        CancellationToken ct = default)
    {
        var me = Demand();
        var text = RequireMessage(message);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var workflow = await RequireWorkflowAsync(db, workflowId, ct);
        if (!ChatWorkflows.StartsByChat(workflow.Nodes))
        {
            throw new ChatRefusedException(ChatRefusal.CannotChat,
                "This workflow has no chat trigger. Set its trigger's mode to Chat to talk to it.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = sessionId is { } sid
            ? await RequireSessionAsync(db, workflowId, sid, me, ct)
            : db.ChatSessions.Add(new ChatSession { WorkflowId = workflowId, UserId = me, Title = Title(text), CreatedAt = now }).Entity;
        var history = sessionId is null ? [] : await HistoryAsync(db, session.Id, ct);

        var input = new JsonObject
        {
            ["message"] = text,
            ["sessionId"] = session.Id.ToString(),
            ["history"] = new JsonArray(history.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content }).ToArray()),
        };
        var request = new ExecutionRequest(user.TenantId!.Value, workflowId, input, source, me);
        var start = await executor.CreateAsync(request, queued: false, ct);
        if (start.Problems.Count > 0)
        {
            throw new ChatRefusedException(ChatRefusal.CannotChat,
                "The workflow cannot run: " + string.Join(" ", start.Problems.Select(p => p.Message)));
        }

        var saved = new ChatSessionMessage { SessionId = session.Id, Role = ChatSessionMessage.UserRole, Content = text, CreatedAt = now };
        db.ChatMessages.Add(saved);
        session.UpdatedAt = now;
        await db.SaveChangesAsync(CancellationToken.None);
        return new ChatTurn(workflowId, session.Id, View(saved), request, start);
    }

    /// <summary>
    /// Runs the turn, passing each token and tool step to <paramref name="onEvent"/> as it happens, and saves the
    /// reply (also when the run fails or is cancelled, with the reason).
    /// </summary>
    public async Task<ChatMessageView> RunAsync(ChatTurn turn, Func<ChatEvent, Task> onEvent, CancellationToken ct = default)
    {
        var steps = new JsonArray();
        using var subscription = events.Subscribe(e => e.ExecutionId == turn.ExecutionId
            && e.Kind is ExecutionEventKind.Token or ExecutionEventKind.AgentStep);
        var run = executor.RunAsync(turn.Request, turn.Start, ct);
        // The events end with the run, however it ends.
        _ = run.ContinueWith(_ => subscription.Dispose(), TaskScheduler.Default);
        try
        {
            await foreach (var e in subscription.Reader.ReadAllAsync(ct))
            {
                if (e.Kind == ExecutionEventKind.Token && e.Message is { Length: > 0 } token)
                {
                    await onEvent(new ChatEvent.Token(token));
                }
                else if (e.Output is JsonObject { } step && step["type"]?.GetValue<string>() == "tool")
                {
                    steps.Add(step.DeepClone());
                    await onEvent(new ChatEvent.Step(step));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader went away; the run is cancelled through the same token and its end is saved below.
        }

        var reply = ChatReply.From(await run);
        return await SaveReplyAsync(turn, reply, steps, CancellationToken.None);
    }

    private async Task<ChatMessageView> SaveReplyAsync(ChatTurn turn, ChatReply reply, JsonArray steps, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new ChatSessionMessage
        {
            SessionId = turn.SessionId,
            Role = ChatSessionMessage.AssistantRole,
            Content = reply.Content,
            Error = reply.Error,
            Offline = reply.Offline,
            ExecutionId = turn.ExecutionId,
            InputTokens = reply.InputTokens,
            OutputTokens = reply.OutputTokens,
            Steps = steps.Count > 0 ? steps.ToJsonString() : null,
            CreatedAt = now,
        };
        db.ChatMessages.Add(message);
        await db.ChatSessions.Where(s => s.Id == turn.SessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, now), ct);
        await db.SaveChangesAsync(ct);
        return View(message);
    }

    /// <summary>The session's earlier messages that fit the history window, oldest first; failed replies are left out.</summary>
    private static async Task<List<ChatSessionMessage>> HistoryAsync(ZygoDbContext db, Guid sessionId, CancellationToken ct)
    {
        var newest = await db.ChatMessages.AsNoTracking()
            .Where(m => m.SessionId == sessionId && m.Error == null && m.Content != "")
            .OrderByDescending(m => m.CreatedAt).Take(HistoryReadLimit).ToListAsync(ct);
        newest.Reverse();
        return newest.Skip(ConversationWindow.FirstKept(newest, m => m.Content)).ToList();
    }

    private Guid Demand()
    {
        user.Demand(Permission.ExecuteWorkflows);
        return user.RequireUserId();
    }

    private static async Task<Workflow> RequireWorkflowAsync(ZygoDbContext db, Guid workflowId, CancellationToken ct) =>
        await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workflowId, ct)
        ?? throw new ChatRefusedException(ChatRefusal.NotFound, "No workflow with that id exists here.");

    private static async Task<ChatSession> RequireSessionAsync(ZygoDbContext db, Guid workflowId, Guid sessionId, Guid userId,
        CancellationToken ct) =>
        await db.ChatSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.WorkflowId == workflowId && s.UserId == userId, ct)
        ?? throw new ChatRefusedException(ChatRefusal.NotFound, "No chat session with that id exists here.");

    private static string RequireMessage(string? message)
    {
        var text = message?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new InputValidationException("message", "Write a message to send.");
        }

        return text.Length <= MaxMessageLength
            ? text
            : throw new InputValidationException("message", $"A message may have at most {MaxMessageLength:N0} characters ({text.Length:N0} given).");
    }

    private static string Title(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= MaxTitleLength ? line : line[..(MaxTitleLength - 1)].TrimEnd() + "…";
    }

    private static ChatMessageView View(ChatSessionMessage m) =>
        new(m.Id, m.Role, m.Content, m.ExecutionId, m.Error, m.Offline, m.InputTokens, m.OutputTokens,
            m.Steps is null ? null : JsonNode.Parse(m.Steps) as JsonArray, m.CreatedAt);
}
