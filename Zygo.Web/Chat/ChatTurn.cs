using Zygo.Engine.Execution.Service;

namespace Zygo.Web.Chat;

/// <summary>A message accepted and saved, with its run created but not yet started.</summary>
public sealed record ChatTurn(Guid WorkflowId, Guid SessionId, ChatMessageView UserMessage, ExecutionRequest Request, ExecutionStart Start)
{
    public Guid ExecutionId => Start.ExecutionId!.Value;
}
