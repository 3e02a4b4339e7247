using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Knowledge;

/// <summary>
/// One tenant's entities and relations. Every query names the tenant itself (nodes use the system context, which has no
/// tenant filter), so nothing of another tenant is ever read or written.
/// </summary>
public sealed class KnowledgeStore(ZygoDbContext db, Guid tenantId)
{
    public IQueryable<KnowledgeEntity> Entities => db.KnowledgeEntities.IgnoreQueryFilters().Where(e => e.TenantId == tenantId);

    public IQueryable<KnowledgeRelation> Relations => db.KnowledgeRelations.IgnoreQueryFilters().Where(r => r.TenantId == tenantId);

    public Task<KnowledgeEntity?> GetAsync(Guid id, CancellationToken ct) => Entities.SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The entities a reference names: the one with that id, else those with that name (of that type when given).</summary>
    public async Task<IReadOnlyList<KnowledgeEntity>> NamedAsync(string reference, string type, CancellationToken ct)
    {
        if (Guid.TryParse(reference.Trim(), out var id) && await GetAsync(id, ct) is { } byId)
        {
            return [byId];
        }

        var name = EntityNames.Normalize(reference);
        var kind = EntityNames.Kind(type);
        return await Entities.Where(e => e.NormalizedName == name && (kind == "" || e.Type == kind)).OrderBy(e => e.Type).ToListAsync(ct);
    }

    /// <summary>The one entity a reference names; a clear failure when there is none, or several and no type to choose by.</summary>
    public async Task<KnowledgeEntity> RequireAsync(string reference, string type, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new NodeFailedException($"'{field}' is empty: give an entity's name or id.");
        }

        var found = await NamedAsync(reference, type, ct);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new NodeFailedException(string.IsNullOrWhiteSpace(type)
                ? $"There is no entity named '{reference.Trim()}'."
                : $"There is no {EntityNames.Kind(type)} named '{reference.Trim()}'."),
            _ => throw new NodeFailedException(
                $"'{reference.Trim()}' names {found.Count} entities ({string.Join(", ", found.Select(e => e.Type))}); give its type to choose one."),
        };
    }

    /// <summary>Creates the entity, or merges the draft's properties into the one of that type and name.</summary>
    public async Task<EntityWrite> UpsertAsync(EntityDraft draft, CancellationToken ct)
    {
        var type = RequiredKind(draft.Type, "type");
        var name = RequiredName(draft.Name);
        var normalized = EntityNames.Normalize(name);
        var now = DateTime.UtcNow;
        var entity = await Entities.SingleOrDefaultAsync(e => e.Type == type && e.NormalizedName == normalized, ct);
        var created = entity is null;
        if (entity is null)
        {
            entity = new KnowledgeEntity
            {
                TenantId = tenantId, Type = type, Name = name, NormalizedName = normalized,
                SourceMemoryId = draft.SourceMemoryId, CreatedAt = now,
            };
            db.KnowledgeEntities.Add(entity);
        }

        entity.Properties = EntityProperties.Merge(entity.Properties, draft.Properties).ToJsonString();
        entity.SourceExecutionId = draft.SourceExecutionId ?? entity.SourceExecutionId;
        entity.UpdatedAt = now;
        await SaveAsync($"Entity '{name}'", ct);
        return new EntityWrite(entity, created);
    }

    /// <summary>Merges properties into an existing entity and, when a new name is given, renames it.</summary>
    public async Task UpdateAsync(KnowledgeEntity entity, JsonObject properties, string rename, Guid? executionId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(rename))
        {
            entity.Name = RequiredName(rename);
            entity.NormalizedName = EntityNames.Normalize(entity.Name);
        }

        entity.Properties = EntityProperties.Merge(entity.Properties, properties).ToJsonString();
        entity.SourceExecutionId = executionId ?? entity.SourceExecutionId;
        entity.UpdatedAt = DateTime.UtcNow;
        await SaveAsync($"Entity '{entity.Name}'", ct);
    }

    /// <summary>Adds <paramref name="from"/> —type→ <paramref name="to"/>, or updates that edge's weight and properties.</summary>
    public async Task<KnowledgeRelation> RelateAsync(KnowledgeEntity from, KnowledgeEntity to, string type, double weight, JsonObject? properties,
        Guid? sourceMemoryId, Guid? sourceExecutionId, CancellationToken ct)
    {
        var kind = RequiredKind(type, "relation");
        if (weight is < 0 or > 1)
        {
            throw new NodeFailedException($"A relation's weight must be between 0 and 1, not {weight}.");
        }

        var relation = await Relations.SingleOrDefaultAsync(r => r.FromEntityId == from.Id && r.ToEntityId == to.Id && r.Type == kind, ct);
        if (relation is null)
        {
            relation = new KnowledgeRelation
            {
                TenantId = tenantId, FromEntityId = from.Id, ToEntityId = to.Id, Type = kind,
                SourceMemoryId = sourceMemoryId, SourceExecutionId = sourceExecutionId,
            };
            db.KnowledgeRelations.Add(relation);
        }

        relation.Weight = weight;
        relation.Properties = EntityProperties.Merge(relation.Properties, properties ?? []).ToJsonString();
        await SaveAsync($"Relation '{kind}'", ct);
        return relation;
    }

    /// <summary>Deletes the entity with every relation into or out of it; returns how many relations went with it.</summary>
    public async Task<int> DeleteAsync(KnowledgeEntity entity, CancellationToken ct)
    {
        var relations = await Relations.Where(r => r.FromEntityId == entity.Id || r.ToEntityId == entity.Id).ToListAsync(ct);
        db.KnowledgeRelations.RemoveRange(relations);
        db.KnowledgeEntities.Remove(entity);
        await SaveAsync($"Entity '{entity.Name}'", ct);
        return relations.Count;
    }

    public Task<EntityPage> SearchAsync(EntitySearch search, CancellationToken ct) => EntityFinder.FindAsync(Entities, search, ct);

    /// <summary>The relations touching any of the entities, in the direction asked, of the relation types asked (all when empty).</summary>
    public Task<List<KnowledgeRelation>> RelationsOfAsync(IReadOnlyCollection<Guid> ids, GraphDirection direction, IReadOnlyCollection<string> types,
        CancellationToken ct)
    {
        var query = direction switch
        {
            GraphDirection.Outgoing => Relations.Where(r => ids.Contains(r.FromEntityId)),
            GraphDirection.Incoming => Relations.Where(r => ids.Contains(r.ToEntityId)),
            _ => Relations.Where(r => ids.Contains(r.FromEntityId) || ids.Contains(r.ToEntityId)),
        };
        if (types.Count > 0)
        {
            query = query.Where(r => types.Contains(r.Type));
        }

        return query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
    }

    public Task<List<KnowledgeEntity>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Entities.Where(e => ids.Contains(e.Id)).ToListAsync(ct);

    private async Task SaveAsync(string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // The unique indexes: another run wrote the same entity or relation at the same moment.
            throw new NodeFailedException($"{what} was changed by another run at the same moment; write it again.", retryable: true, ex);
        }
    }

    private static string RequiredKind(string kind, string field)
    {
        var value = EntityNames.Kind(kind);
        return value.Length switch
        {
            0 => throw new NodeFailedException($"An entity needs a '{field}', e.g. person or organization."),
            > EntityNames.MaxTypeLength => throw new NodeFailedException($"'{field}' is longer than {EntityNames.MaxTypeLength} characters."),
            _ => value,
        };
    }

    private static string RequiredName(string name)
    {
        var value = name.Trim();
        return value.Length switch
        {
            0 => throw new NodeFailedException("An entity needs a 'name'."),
            > EntityNames.MaxNameLength => throw new NodeFailedException($"'name' is longer than {EntityNames.MaxNameLength} characters."),
            _ => value,
        };
    }
}
