using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Knowledge;
using Zygo.Engine.Nodes.Operations;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// Answers how the tenant's entities are related: neighbours within a depth, shortest paths between two entities, or
/// the subgraph of some types, as entities and relations JSON plus a short text summary. Limits bound every answer.
/// </summary>
public sealed class KnowledgeGraphNodeType : NodeType<KnowledgeGraphConfigData>
{
    public const int MaxDepth = 6;
    public const int MaxNodesLimit = 500;
    public const int MaxPathsLimit = 50;

    public override string Id => "knowledge_graph";
    public override string Label => "Knowledge Graph";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "GitBranch";
    public override string Color => "#9333EA";
    public override string Description => "Query and traverse knowledge graphs";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        ToolArgument.Choice<KnowledgeGraphOperation>("operation",
            "neighbours: what is related to the entity within depth hops; paths: how the entity and the target are connected; subgraph: all entities of entityTypes and their relations.",
            required: true),
        new ToolArgument("entity", "string", "For neighbours and paths: the entity's name or id."),
        new ToolArgument("target", "string", "For paths: the other entity's name or id."),
        new ToolArgument("relationTypes", "string", "Comma-separated relation types to follow, e.g. works_for; empty follows all."),
        new ToolArgument("entityTypes", "string", "For subgraph: comma-separated entity types, e.g. person, organization."),
        new ToolArgument("depth", "integer", $"Hops to follow, 1 to {MaxDepth}."));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, KnowledgeGraphConfigData config, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var operation = KnowledgeArguments.Choice(config.Operation, input, "operation");
        var depth = KnowledgeArguments.Number(config.Depth, input, "depth", 1, MaxDepth);
        var maxNodes = KnowledgeArguments.Number(config.MaxNodes, input, "maxNodes", 1, MaxNodesLimit);
        var maxPaths = KnowledgeArguments.Number(config.MaxPaths, input, "maxPaths", 1, MaxPathsLimit);
        var relationTypes = KnowledgeArguments.Kinds(config.RelationTypes, input, "relationTypes");
        var entity = KnowledgeArguments.Text(config.Entity, input, "entity");
        var output = await OperationsDatabase.UseAsync(context, async db =>
        {
            var store = new KnowledgeStore(db, context.Execution.TenantId);
            var graph = new KnowledgeGraph(store);
            switch (operation)
            {
                case KnowledgeGraphOperation.Neighbours:
                {
                    var start = await store.RequireAsync(entity, config.EntityType, "entity", cancellationToken);
                    var result = await graph.NeighboursAsync(start, config.Direction, relationTypes, depth, maxNodes, cancellationToken);
                    return GraphJson.Of(result,
                        $"{start.Name} ({start.Type}): {result.Nodes.Count - 1} related entities within {depth} hop(s), {result.Edges.Count} relation(s).");
                }

                case KnowledgeGraphOperation.Paths:
                {
                    var from = await store.RequireAsync(entity, config.EntityType, "entity", cancellationToken);
                    var target = KnowledgeArguments.Text(config.Target, input, "target");
                    var to = await store.RequireAsync(target, config.TargetType, "target", cancellationToken);
                    if (from.Id == to.Id)
                    {
                        throw new NodeFailedException("'entity' and 'target' are the same entity: a path needs two.");
                    }

                    var result = await graph.PathsAsync(from, to, config.Direction, relationTypes, depth, maxPaths, cancellationToken);
                    var json = GraphJson.Of(result, result.Paths.Count == 0
                        ? $"No path from {from.Name} to {to.Name} within {depth} hop(s)."
                        : $"{result.Paths.Count} path(s) from {from.Name} to {to.Name}, shortest first:");
                    json["paths"] = GraphJson.Paths(result);
                    return json;
                }

                default:
                {
                    var types = KnowledgeArguments.Kinds(config.EntityTypes, input, "entityTypes");
                    var result = await graph.SubgraphAsync(types, relationTypes, maxNodes, cancellationToken);
                    var scope = types.Count == 0 ? "all types" : string.Join(", ", types);
                    return GraphJson.Of(result, $"{result.Nodes.Count} entities of {scope}, {result.Edges.Count} relation(s) among them.");
                }
            }
        });

        output["operation"] = JsonEnumNames.Of(typeof(KnowledgeGraphOperation))[(int)operation];
        output["limits"] = new JsonObject { ["depth"] = depth, ["maxNodes"] = maxNodes, ["maxPaths"] = maxPaths };
        context.Log(output["summary"]!.GetValue<string>().Split('\n')[0]);
        return NodeOutcome.Of(output);
    }
}
