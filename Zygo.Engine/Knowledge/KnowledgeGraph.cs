using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;

namespace Zygo.Engine.Knowledge;

/// <summary>
/// Traversals over one tenant's entities: neighbours within a depth, the shortest paths between two entities, and the
/// subgraph of some entity types. Each reads relations one hop (one query) at a time and stops at its limits, so a
/// cycle or a large graph costs at most the limits, never more.
/// </summary>
public sealed class KnowledgeGraph(KnowledgeStore store)
{
    /// <summary>Partial paths a path search may hold before it gives up (the graph is too wide for the depth asked).</summary>
    public const int MaxPathExpansions = 20_000;

    public async Task<GraphResult> NeighboursAsync(KnowledgeEntity start, GraphDirection direction, IReadOnlyCollection<string> relationTypes,
        int depth, int maxNodes, CancellationToken ct)
    {
        var result = new GraphResult();
        result.Nodes[start.Id] = start;
        result.Depths[start.Id] = 0;
        List<Guid> frontier = [start.Id];
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var reached = new HashSet<Guid>(frontier);
            List<Guid> next = [];
            foreach (var relation in await store.RelationsOfAsync(frontier, direction, relationTypes, ct))
            {
                foreach (var other in Across(relation, reached, direction))
                {
                    if (!result.Depths.ContainsKey(other))
                    {
                        if (result.Depths.Count >= maxNodes)
                        {
                            result.Truncated = $"stopped at {maxNodes} entities";
                            continue;
                        }

                        result.Depths[other] = level;
                        next.Add(other);
                    }

                    result.Edges[relation.Id] = relation;
                }
            }

            frontier = next;
        }

        await LoadNodesAsync(result, ct);
        return result;
    }

    /// <summary>Simple paths (no entity twice) from one entity to another, shortest first, at most <paramref name="maxPaths"/>.</summary>
    public async Task<GraphResult> PathsAsync(KnowledgeEntity from, KnowledgeEntity to, GraphDirection direction,
        IReadOnlyCollection<string> relationTypes, int maxDepth, int maxPaths, CancellationToken ct)
    {
        var result = new GraphResult();
        List<List<(Guid Id, KnowledgeRelation? Via)>> found = [];
        var adjacency = new Dictionary<Guid, List<(Guid Next, KnowledgeRelation Via)>>();
        var queue = new Queue<List<(Guid Id, KnowledgeRelation? Via)>>();
        queue.Enqueue([(from.Id, null)]);
        var expansions = 0;
        while (queue.Count > 0 && found.Count < maxPaths && result.Truncated is null)
        {
            var path = queue.Dequeue();
            if (path.Count - 1 >= maxDepth)
            {
                continue;
            }

            var last = path[^1].Id;
            if (!adjacency.ContainsKey(last))
            {
                // One query for every path end waiting at this length, not one per path.
                var ends = queue.Select(p => p[^1].Id).Append(last).Where(id => !adjacency.ContainsKey(id)).Distinct().ToList();
                await LoadAdjacencyAsync(adjacency, ends, direction, relationTypes, ct);
            }

            foreach (var (next, via) in adjacency[last])
            {
                if (path.Exists(step => step.Id == next))
                {
                    continue;
                }

                List<(Guid Id, KnowledgeRelation? Via)> longer = [.. path, (next, via)];
                if (next == to.Id)
                {
                    found.Add(longer);
                    if (found.Count >= maxPaths)
                    {
                        break;
                    }
                }
                else if (++expansions > MaxPathExpansions)
                {
                    result.Truncated = $"stopped after exploring {MaxPathExpansions} partial paths";
                    break;
                }
                else
                {
                    queue.Enqueue(longer);
                }
            }
        }

        result.Nodes[from.Id] = from;
        result.Nodes[to.Id] = to;
        var onPaths = found.SelectMany(p => p).Select(s => s.Id).Where(id => !result.Nodes.ContainsKey(id)).Distinct().ToList();
        foreach (var entity in await store.ByIdsAsync(onPaths, ct))
        {
            result.Nodes[entity.Id] = entity;
        }

        foreach (var path in found)
        {
            result.Paths.Add(path.Select(s => new PathStep(result.Nodes[s.Id], s.Via)).ToList());
            foreach (var via in path.Select(s => s.Via).OfType<KnowledgeRelation>())
            {
                result.Edges[via.Id] = via;
            }
        }

        return result;
    }

    /// <summary>Entities of the given types (all when empty) and the relations among them, at most <paramref name="maxNodes"/> entities.</summary>
    public async Task<GraphResult> SubgraphAsync(IReadOnlyCollection<string> entityTypes, IReadOnlyCollection<string> relationTypes, int maxNodes,
        CancellationToken ct)
    {
        var result = new GraphResult();
        var query = store.Entities;
        if (entityTypes.Count > 0)
        {
            query = query.Where(e => entityTypes.Contains(e.Type));
        }

        var entities = await query.OrderBy(e => e.Type).ThenBy(e => e.NormalizedName).Take(maxNodes + 1).ToListAsync(ct);
        if (entities.Count > maxNodes)
        {
            entities.RemoveAt(maxNodes);
            result.Truncated = $"stopped at {maxNodes} entities";
        }

        foreach (var entity in entities)
        {
            result.Nodes[entity.Id] = entity;
        }

        var maxEdges = maxNodes * 4;
        foreach (var relation in await store.RelationsOfAsync(result.Nodes.Keys, GraphDirection.Outgoing, relationTypes, ct))
        {
            if (!result.Nodes.ContainsKey(relation.ToEntityId))
            {
                continue;
            }

            if (result.Edges.Count >= maxEdges)
            {
                result.Truncated = $"stopped at {maxEdges} relations";
                break;
            }

            result.Edges[relation.Id] = relation;
        }

        return result;
    }

    /// <summary>The entities a relation leads to from the reached ones, following the direction asked.</summary>
    private static IEnumerable<Guid> Across(KnowledgeRelation relation, HashSet<Guid> reached, GraphDirection direction)
    {
        if (direction != GraphDirection.Incoming && reached.Contains(relation.FromEntityId))
        {
            yield return relation.ToEntityId;
        }

        if (direction != GraphDirection.Outgoing && reached.Contains(relation.ToEntityId))
        {
            yield return relation.FromEntityId;
        }
    }

    private async Task LoadAdjacencyAsync(Dictionary<Guid, List<(Guid, KnowledgeRelation)>> adjacency, List<Guid> ids, GraphDirection direction,
        IReadOnlyCollection<string> relationTypes, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            adjacency[id] = [];
        }

        var wanted = ids.ToHashSet();
        foreach (var relation in await store.RelationsOfAsync(ids, direction, relationTypes, ct))
        {
            if (direction != GraphDirection.Incoming && wanted.Contains(relation.FromEntityId))
            {
                adjacency[relation.FromEntityId].Add((relation.ToEntityId, relation));
            }

            if (direction != GraphDirection.Outgoing && wanted.Contains(relation.ToEntityId) && relation.FromEntityId != relation.ToEntityId)
            {
                adjacency[relation.ToEntityId].Add((relation.FromEntityId, relation));
            }
        }
    }

    private async Task LoadNodesAsync(GraphResult result, CancellationToken ct)
    {
        var missing = result.Depths.Keys.Where(id => !result.Nodes.ContainsKey(id)).ToList();
        foreach (var entity in await store.ByIdsAsync(missing, ct))
        {
            result.Nodes[entity.Id] = entity;
        }
    }
}
