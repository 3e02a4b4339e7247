using Zygo.Engine.Nodes;
using Zygo.Web.Security;

namespace Zygo.Web.Api;

/// <summary>/api/v1/nodes/types: the node type catalogue the editor's palette and config panels are built from.</summary>
public static class NodeTypeEndpoints
{
    public static void MapNodeTypeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/nodes/types").WithTags("Node types");

        group.MapGet("/", (NodeTypeRegistry registry) =>
            Results.Ok(registry.All.OrderBy(t => t.Category).ThenBy(t => t.Label, StringComparer.Ordinal).Select(NodeTypeSummary.From)))
            .RequireAuthorization(Policies.ViewWorkflows).WithName("ListNodeTypes");

        group.MapGet("/{type}/schema", (NodeTypeRegistry registry, string type) =>
            registry.Find(type) is { } nodeType ? Results.Ok(NodeTypeConfigSchema.From(nodeType)) : Problems.NotFound("node type"))
            .RequireAuthorization(Policies.ViewWorkflows).WithName("GetNodeTypeSchema");
    }
}
