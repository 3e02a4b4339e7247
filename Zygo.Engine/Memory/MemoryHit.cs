using MemoryRow = Zygo.Data.Entities.Memory;

namespace Zygo.Engine.Memory;

/// <summary>A memory a search found, its score (0 to 1) and the parts it was made of.</summary>
internal sealed record MemoryHit(MemoryRow Memory, double Score, double? Keyword = null, double? Semantic = null);
