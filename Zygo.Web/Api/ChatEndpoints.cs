using Zygo.Data.Entities;
using Zygo.Web.Chat;
using Zygo.Web.Security;

namespace Zygo.Web.Api;

/// <summary>
/// Chatting with a chat-triggered workflow: POST …/chat answers as server-sent events (<c>session</c>, <c>token</c>…,
/// <c>step</c>…, <c>done</c>); the caller's own sessions are listed, read and deleted under …/chat/sessions.
/// </summary>
public static class ChatEndpoints
{
    public static void MapChatEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows/{id:guid}/chat").WithTags("Chat").RequireAuthorization(Policies.ExecuteWorkflows);

        group.MapPost("", ChatAsync).WithName("Chat");

        group.MapGet("/sessions", async (Guid id, ChatService chat, CancellationToken ct) =>
            Results.Ok(await chat.ListSessionsAsync(id, ct))).WithName("ListChatSessions");

        group.MapGet("/sessions/{sessionId:guid}", async (Guid id, Guid sessionId, ChatService chat, CancellationToken ct) =>
            Results.Ok(await chat.GetSessionAsync(id, sessionId, ct))).WithName("GetChatSession");

        group.MapDelete("/sessions/{sessionId:guid}", async (Guid id, Guid sessionId, ChatService chat, CancellationToken ct) =>
        {
            await chat.DeleteSessionAsync(id, sessionId, ct);
            return Results.NoContent();
        }).WithName("DeleteChatSession");
    }

    private static async Task<IResult> ChatAsync(Guid id, ChatRequest? body, ChatService chat, HttpContext http, CancellationToken ct)
    {
        var source = http.User.HasClaim(c => c.Type == ZygoClaims.ApiKeyId) ? TriggerSource.Api : TriggerSource.Chat;
        // Refusals (400, 404, 422) are thrown before the stream starts, so they are ordinary ProblemDetails answers.
        var turn = await chat.StartAsync(id, body?.Message, body?.SessionId, source, ct);
        var stream = ServerSentEvents.Start(http);
        await stream.WriteAsync("session", new { sessionId = turn.SessionId, executionId = turn.ExecutionId, message = turn.UserMessage }, ct);
        var reply = await chat.RunAsync(turn, e => e switch
        {
            ChatEvent.Token token => stream.WriteAsync("token", new { text = token.Text }, ct),
            ChatEvent.Step step => stream.WriteAsync("step", step.Record, ct),
            _ => Task.CompletedTask,
        }, ct);
        await stream.WriteAsync("done", new
        {
            sessionId = turn.SessionId,
            executionId = turn.ExecutionId,
            answer = reply.Content,
            reply.Error,
            reply.Offline,
            usage = new { reply.InputTokens, reply.OutputTokens },
            message = reply,
        }, ct);
        return Results.Empty;
    }
}
