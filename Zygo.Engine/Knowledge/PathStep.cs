using Zygo.Data.Entities;

namespace Zygo.Engine.Knowledge;

/// <summary>One step of a path: the entity reached and the relation followed to it (null for the first entity).</summary>
public sealed record PathStep(KnowledgeEntity Entity, KnowledgeRelation? Via);
