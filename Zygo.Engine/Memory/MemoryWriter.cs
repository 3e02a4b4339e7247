using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;
using MemoryRow = Zygo.Data.Entities.Memory;

namespace Zygo.Engine.Memory;

/// <summary>What a store did: the current row of the key and how it came to be.</summary>
internal sealed record MemoryWrite(MemoryRow Memory, string Outcome);

/// <summary>
/// Writes a draft under its key by the merge strategy: <c>upsert</c> updates the key's memory (tags and metadata
/// merged), <c>append</c> adds the content to it, <c>replace</c> overwrites it whole, <c>version</c> keeps it as a
/// superseded version and writes a new one. With versioning on, every change keeps the earlier version that way.
/// </summary>
internal static class MemoryWriter
{
    public static async Task<MemoryWrite> WriteAsync(ZygoDbContext db, Guid tenantId, MemoryDraft draft, MemoryMergeStrategy strategy,
        bool keepVersions, string replacesKey, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var existing = await Current(db, tenantId, draft.Key).SingleOrDefaultAsync(ct);
        MemoryWrite write;
        if (existing is null)
        {
            var created = New(tenantId, draft, version: 1, now);
            db.Memories.Add(created);
            write = new MemoryWrite(created, "created");
        }
        else
        {
            var merged = strategy switch
            {
                MemoryMergeStrategy.Upsert => draft with { Tags = Union(existing.Tags, draft.Tags), Metadata = Merge(existing.Metadata, draft.Metadata) },
                MemoryMergeStrategy.Append => draft with
                {
                    Content = $"{existing.Content}\n\n{draft.Content}",
                    Tags = Union(existing.Tags, draft.Tags),
                    Metadata = Merge(existing.Metadata, draft.Metadata),
                },
                _ => draft,
            };
            var outcome = strategy switch
            {
                MemoryMergeStrategy.Upsert => "updated",
                MemoryMergeStrategy.Append => "appended",
                MemoryMergeStrategy.Replace => "replaced",
                _ => "versioned",
            };
            if (strategy == MemoryMergeStrategy.Version || keepVersions)
            {
                existing.Superseded = true;
                existing.UpdatedAt = now;
                var next = New(tenantId, merged, existing.Version + 1, now);
                next.CreatedAt = existing.CreatedAt;
                db.Memories.Add(next);
                write = new MemoryWrite(next, outcome);
            }
            else
            {
                Apply(existing, merged, now);
                existing.Version++;
                write = new MemoryWrite(existing, outcome);
            }
        }

        if (!string.IsNullOrWhiteSpace(replacesKey) && replacesKey.Trim() != draft.Key)
        {
            foreach (var replaced in await Current(db, tenantId, replacesKey.Trim()).ToListAsync(ct))
            {
                replaced.Superseded = true;
                replaced.UpdatedAt = now;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // The unique (tenant, key, version) index: another store of this key won the race.
            throw new NodeFailedException($"Memory '{draft.Key}' was changed by another run at the same moment; store it again.", retryable: true, ex);
        }

        return write;
    }

    private static IQueryable<MemoryRow> Current(ZygoDbContext db, Guid tenantId, string key) =>
        db.Memories.IgnoreQueryFilters().Where(m => m.TenantId == tenantId && m.Key == key && !m.Superseded);

    private static MemoryRow New(Guid tenantId, MemoryDraft draft, int version, DateTime now)
    {
        var row = new MemoryRow
        {
            TenantId = tenantId, Key = draft.Key, Type = draft.Type, Content = draft.Content, Sensitivity = draft.Sensitivity,
            Importance = draft.Importance, Version = version, CreatedAt = now,
        };
        Apply(row, draft, now);
        return row;
    }

    private static void Apply(MemoryRow row, MemoryDraft draft, DateTime now)
    {
        if (row.Content != draft.Content)
        {
            // A vector of the old text would find the memory by what it no longer says.
            row.Embedding = null;
            row.EmbeddingModel = null;
        }

        row.Type = draft.Type;
        row.Title = draft.Title;
        row.Content = draft.Content;
        row.Summary = draft.Summary;
        row.Tags = string.Join(' ', draft.Tags);
        row.Sensitivity = draft.Sensitivity;
        row.Importance = draft.Importance;
        row.Confidence = draft.Confidence;
        row.ExpiresAt = draft.ExpiresAt;
        row.ObservedAt = draft.ObservedAt;
        row.Metadata = draft.Metadata.ToJsonString();
        row.UpdatedAt = now;
    }

    private static IReadOnlyList<string> Union(string stored, IReadOnlyList<string> added) =>
        MemoryTags.Split(stored).Concat(added).Distinct().ToList();

    /// <summary>The stored metadata with the draft's fields laid over it; a field the draft leaves empty keeps its stored value.</summary>
    private static JsonObject Merge(string stored, JsonObject added)
    {
        var merged = JsonNode.Parse(stored) as JsonObject ?? [];
        foreach (var (name, value) in added)
        {
            if (value is JsonArray { Count: 0 } || (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length == 0))
            {
                continue;
            }

            merged[name] = value?.DeepClone();
        }

        return merged;
    }
}
