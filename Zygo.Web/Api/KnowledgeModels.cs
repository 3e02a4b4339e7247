using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Knowledge;

namespace Zygo.Web.Api;

/// <summary>An entity of the tenant's knowledge graph as the API returns it.</summary>
public sealed record EntityView(Guid Id, string Type, string Name, JsonObject Properties, Guid? SourceMemoryId, Guid? SourceExecutionId,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static EntityView Of(KnowledgeEntity e) =>
        new(e.Id, e.Type, e.Name, EntityProperties.Parse(e.Properties), e.SourceMemoryId, e.SourceExecutionId, e.CreatedAt, e.UpdatedAt);
}

/// <summary>A relation between two entities; <c>text</c> reads it as "from -[type]-> to".</summary>
public sealed record RelationView(Guid Id, Guid From, Guid To, string Type, double Weight, string Text);

/// <summary>One entity with the entities and relations within <c>depth</c> hops of it.</summary>
public sealed record EntityDetail(EntityView Entity, IReadOnlyList<EntityView> Neighbours, IReadOnlyList<RelationView> Relations, int Depth,
    bool Truncated);
