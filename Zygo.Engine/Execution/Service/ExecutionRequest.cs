using System.Text.Json.Nodes;
using Zygo.Data.Entities;

namespace Zygo.Engine.Execution.Service;

/// <summary>A request to run a workflow of a tenant.</summary>
public sealed record ExecutionRequest(Guid TenantId, Guid WorkflowId, JsonNode? Input, TriggerSource TriggeredBy, Guid? UserId);
