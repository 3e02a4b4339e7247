using Microsoft.EntityFrameworkCore;
using Zygo.Data;

namespace Zygo.Engine.Memory;

/// <summary>Stores a memory's vector with the name of the model that made it.</summary>
internal static class MemoryEmbeddings
{
    public static async Task<bool> SaveAsync(ZygoDbContext db, Guid memoryId, string model, float[] vector, CancellationToken ct)
    {
        var bytes = MemoryVectors.ToBytes(vector);
        var updated = await db.Memories.IgnoreQueryFilters().Where(m => m.Id == memoryId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Embedding, bytes).SetProperty(m => m.EmbeddingModel, model), ct);
        return updated == 1;
    }
}
