using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Zygo.Engine.Execution.Service;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Api;

/// <summary>Body of POST /api/v1/nodes/{type}/test.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NodeTestRequest(JsonObject? Config, JsonNode? Input);

/// <summary>POST /api/v1/nodes/{type}/test: dry-run one node with sample input; nothing is recorded.</summary>
public static class NodeTestEndpoints
{
    public static void MapNodeTestEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/nodes/{type}/test", async (string type, NodeTestRequest? body, NodeTester tester, ICurrentUser user,
                CancellationToken ct) =>
            await tester.TestAsync(user.TenantId!.Value, type, body?.Config ?? [], body?.Input, ct) is { } result
                ? Results.Ok(result)
                : Problems.NotFound("node type"))
            .WithTags("Node types")
            .RequireAuthorization(Policies.DebugWorkflows)
            .WithName("TestNode");
}
