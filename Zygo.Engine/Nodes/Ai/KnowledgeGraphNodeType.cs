using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class KnowledgeGraphNodeType : PendingNodeType<KnowledgeGraphConfigData>
{
    public override string Id => "knowledge_graph";
    public override string Label => "Knowledge Graph";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "GitBranch";
    public override string Color => "#9333EA";
    public override string Description => "Query and traverse knowledge graphs";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        ToolArgument.Choice<KnowledgeGraphOperation>("operation", "query: the entity's relations; traverse: everything within depth hops; upsert: add entity -relation-> target."),
        new ToolArgument("entity", "string", "The entity to start from (name or id).", Required: true),
        new ToolArgument("relation", "string", "Relation name, e.g. works_for; empty matches every relation."),
        new ToolArgument("target", "string", "For upsert: the entity the relation points to."),
        new ToolArgument("depth", "integer", "For traverse: how many hops to follow."));
}
