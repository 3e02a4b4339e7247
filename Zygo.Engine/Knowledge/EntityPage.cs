using Zygo.Data.Entities;

namespace Zygo.Engine.Knowledge;

/// <summary>One page of found entities and how many matched in all.</summary>
public sealed record EntityPage(IReadOnlyList<KnowledgeEntity> Items, int Total);
