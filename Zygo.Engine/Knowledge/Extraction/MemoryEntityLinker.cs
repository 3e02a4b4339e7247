using MemoryRow = Zygo.Data.Entities.Memory;

namespace Zygo.Engine.Knowledge.Extraction;

/// <summary>
/// Puts what was extracted from a memory into the graph: the memory itself as an entity of type <c>memory</c> (named by
/// its key) that <c>mentions</c> each extracted entity, the extracted entities <c>mentioned_with</c> each other, and any
/// relations the model named between them.
/// </summary>
public static class MemoryEntityLinker
{
    public const string MemoryType = "memory";
    public const string Mentions = "mentions";
    public const string MentionedWith = "mentioned_with";

    /// <summary>Entities paired by <c>mentioned_with</c>; beyond this many the pairs would grow quadratically.</summary>
    public const int MaxPaired = 10;

    /// <summary>How strongly co-mention suggests a relation: weaker than a stated one.</summary>
    private const double CoMentionWeight = 0.5;

    public static async Task<IReadOnlyList<EntityWrite>> LinkAsync(KnowledgeStore store, MemoryRow memory, EntityExtraction extraction, Guid executionId,
        CancellationToken ct)
    {
        var subject = (await store.UpsertAsync(
            new EntityDraft(MemoryType, memory.Key, new() { ["title"] = memory.Title, ["memoryId"] = memory.Id.ToString() }, memory.Id, executionId), ct)).Entity;
        var written = new List<EntityWrite>();
        foreach (var found in extraction.Entities)
        {
            var write = await store.UpsertAsync(new EntityDraft(found.Type, found.Name, [], memory.Id, executionId), ct);
            written.Add(write);
            await store.RelateAsync(subject, write.Entity, Mentions, 1, null, memory.Id, executionId, ct);
        }

        var paired = written.Select(w => w.Entity).DistinctBy(e => e.Id).Take(MaxPaired).ToList();
        for (var i = 0; i < paired.Count; i++)
        {
            for (var j = i + 1; j < paired.Count; j++)
            {
                await store.RelateAsync(paired[i], paired[j], MentionedWith, CoMentionWeight, null, memory.Id, executionId, ct);
            }
        }

        foreach (var stated in extraction.Relations)
        {
            var from = written.Find(w => EntityNames.Normalize(w.Entity.Name) == EntityNames.Normalize(stated.From));
            var to = written.Find(w => EntityNames.Normalize(w.Entity.Name) == EntityNames.Normalize(stated.To));
            if (from is not null && to is not null && from.Entity.Id != to.Entity.Id)
            {
                await store.RelateAsync(from.Entity, to.Entity, stated.Type, 1, null, memory.Id, executionId, ct);
            }
        }

        return written;
    }
}
