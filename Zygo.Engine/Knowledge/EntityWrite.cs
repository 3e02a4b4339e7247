using Zygo.Data.Entities;

namespace Zygo.Engine.Knowledge;

/// <summary>What an upsert did: the entity's row and whether it was new.</summary>
public sealed record EntityWrite(KnowledgeEntity Entity, bool Created);
