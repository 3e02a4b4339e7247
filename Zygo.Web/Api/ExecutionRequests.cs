using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Zygo.Web.Api;

public enum ExecutionMode
{
    Sync,
    Async,
    Stream,
}

/// <summary>Body of POST /api/v1/workflows/{id}/execute.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ExecuteWorkflowRequest(JsonNode? Input, ExecutionMode? Mode);
