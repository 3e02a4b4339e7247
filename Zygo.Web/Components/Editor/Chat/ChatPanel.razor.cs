using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Zygo.Data.Entities;
using Zygo.Web.Chat;
using Zygo.Web.Common;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Components.Editor.Chat;

/// <summary>
/// Talks to a chat-triggered workflow through <see cref="ChatService"/>. The reply streams in as the agent's tokens
/// arrive, rendered in batches (<see cref="RenderBatcher"/>) rather than once per token; tool calls appear as they
/// run. The latest session opens with the panel; sessions can be switched, started and deleted.
/// </summary>
public sealed partial class ChatPanel : IAsyncDisposable
{
    [Inject] private ChatService Chat { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public Guid WorkflowId { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    private readonly RenderBatcher batcher;
    private IReadOnlyList<ChatSessionSummary> sessions = [];
    private readonly List<ChatMessageView> messages = [];
    private Guid? sessionId;
    private StringBuilder? streaming;
    private readonly List<JsonNode?> streamingSteps = [];
    private string input = "";
    private string? error;
    private bool sending;
    private CancellationTokenSource? running;
    private ElementReference messagesElement;
    private ElementReference inputElement;
    private IJSObjectReference? module;
    private bool scrollToEnd;

    public ChatPanel()
    {
        batcher = new RenderBatcher(RenderBatcher.DefaultInterval, () => InvokeAsync(() =>
        {
            scrollToEnd = true;
            StateHasChanged();
        }));
    }

    protected override async Task OnInitializedAsync()
    {
        await Guard(async () =>
        {
            await LoadSessionsAsync();
            if (sessions.Count > 0)
            {
                await OpenSessionAsync(sessions[0].Id);
            }
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat-panel.js");
            await module.InvokeVoidAsync("attach", inputElement);
        }

        if (scrollToEnd && module is not null)
        {
            scrollToEnd = false;
            await module.InvokeVoidAsync("scrollToEnd", messagesElement);
        }
    }

    private async Task LoadSessionsAsync() => sessions = await Chat.ListSessionsAsync(WorkflowId);

    private async Task OpenSessionAsync(Guid id)
    {
        if (sending)
        {
            return;
        }

        await Guard(async () =>
        {
            var session = await Chat.GetSessionAsync(WorkflowId, id);
            sessionId = session.Id;
            messages.Clear();
            messages.AddRange(session.Messages);
            scrollToEnd = true;
        });
    }

    private void NewChat()
    {
        sessionId = null;
        messages.Clear();
        error = null;
    }

    private async Task DeleteSessionAsync(Guid id)
    {
        await Guard(async () =>
        {
            await Chat.DeleteSessionAsync(WorkflowId, id);
            if (sessionId == id)
            {
                NewChat();
            }

            await LoadSessionsAsync();
        });
    }

    private async Task SendAsync()
    {
        if (sending || string.IsNullOrWhiteSpace(input))
        {
            return;
        }

        error = null;
        ChatTurn? turn = null;
        await Guard(async () => turn = await Chat.StartAsync(WorkflowId, input, sessionId, TriggerSource.Chat));
        if (turn is null)
        {
            return;
        }

        input = "";
        sessionId = turn.SessionId;
        messages.Add(turn.UserMessage);
        streaming = new StringBuilder();
        streamingSteps.Clear();
        sending = true;
        scrollToEnd = true;
        running = new CancellationTokenSource();
        StateHasChanged();
        try
        {
            var reply = await Chat.RunAsync(turn, OnEventAsync, running.Token);
            messages.Add(reply);
            await LoadSessionsAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = "The reply could not be completed: " + ex.Message;
        }
        finally
        {
            streaming = null;
            sending = false;
            scrollToEnd = true;
            running.Dispose();
            running = null;
        }
    }

    private Task OnEventAsync(ChatEvent e)
    {
        switch (e)
        {
            case ChatEvent.Token token:
                streaming?.Append(token.Text);
                break;
            case ChatEvent.Step step:
                streamingSteps.Add(step.Record.DeepClone());
                break;
        }

        batcher.Request();
        return Task.CompletedTask;
    }

    private void Stop() => running?.Cancel();

    /// <summary>Shows what went wrong instead of breaking the circuit: a refused message, a deleted session, no permission.</summary>
    private async Task Guard(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is InputValidationException or ChatRefusedException or PermissionDeniedException)
        {
            error = ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        running?.Cancel();
        batcher.Dispose();
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
