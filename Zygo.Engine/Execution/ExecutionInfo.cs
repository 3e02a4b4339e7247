namespace Zygo.Engine.Execution;

/// <summary>Which run a node belongs to.</summary>
public sealed record ExecutionInfo(Guid TenantId, Guid WorkflowId, Guid ExecutionId);
