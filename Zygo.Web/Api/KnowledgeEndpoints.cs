using Zygo.Data;
using Zygo.Engine.Knowledge;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Api;

/// <summary>/api/v1/knowledge/entities: the tenant's knowledge graph, to browse and to prune.</summary>
public static class KnowledgeEndpoints
{
    public const int MaxDepth = 3;
    public const int MaxNeighbours = 200;

    public static void MapKnowledgeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/knowledge/entities").WithTags("Knowledge");
        var view = Policies.For(Permission.ViewAIComponents);

        group.MapGet("/", async (string? search, string? type, string? match, int? limit, int? offset, ZygoDbContext db, ICurrentUser user,
            CancellationToken ct) =>
        {
            var (take, skip) = (Math.Clamp(limit ?? 25, 1, 200), Math.Max(0, offset ?? 0));
            var page = await Store(db, user).SearchAsync(new EntitySearch
            {
                Name = search ?? "",
                Type = type ?? "",
                Match = ParseMatch(match),
                Skip = skip,
                Take = take,
            }, ct);
            return Results.Ok(new PagedResult<EntityView>(page.Items.Select(EntityView.Of).ToList(), page.Total, take, skip));
        }).RequireAuthorization(view).WithName("ListEntities");

        group.MapGet("/{id:guid}", async (Guid id, int? depth, ZygoDbContext db, ICurrentUser user, CancellationToken ct) =>
        {
            var hops = depth ?? 1;
            if (hops is < 1 or > MaxDepth)
            {
                throw new InputValidationException("depth", $"'depth' must be from 1 to {MaxDepth}, not {hops}.");
            }

            var store = Store(db, user);
            if (await store.GetAsync(id, ct) is not { } entity)
            {
                return Problems.NotFound("entity");
            }

            var graph = await new KnowledgeGraph(store).NeighboursAsync(entity, GraphDirection.Both, [], hops, MaxNeighbours + 1, ct);
            var neighbours = graph.Nodes.Values.Where(e => e.Id != id).OrderBy(e => graph.Depths[e.Id]).ThenBy(e => e.NormalizedName)
                .Select(EntityView.Of).ToList();
            var relations = graph.Edges.Values.Select(r => new RelationView(r.Id, r.FromEntityId, r.ToEntityId, r.Type, r.Weight,
                $"{graph.Nodes[r.FromEntityId].Name} -[{r.Type}]-> {graph.Nodes[r.ToEntityId].Name}")).ToList();
            return Results.Ok(new EntityDetail(EntityView.Of(entity), neighbours, relations, hops, graph.Truncated is not null));
        }).RequireAuthorization(view).WithName("GetEntity");

        group.MapDelete("/{id:guid}", async (Guid id, ZygoDbContext db, ICurrentUser user, CancellationToken ct) =>
        {
            var store = Store(db, user);
            if (await store.GetAsync(id, ct) is not { } entity)
            {
                return Problems.NotFound("entity");
            }

            await store.DeleteAsync(entity, ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.For(Permission.DeleteAIComponents)).WithName("DeleteEntity");
    }

    private static KnowledgeStore Store(ZygoDbContext db, ICurrentUser user) => new(db, user.TenantId!.Value);

    private static EntityNameMatch ParseMatch(string? match) =>
        string.IsNullOrWhiteSpace(match) ? EntityNameMatch.Contains
        : Enum.TryParse<EntityNameMatch>(match, ignoreCase: true, out var m) && !int.TryParse(match, out _) ? m
        : throw new InputValidationException("match", $"'{match}' is not a match mode: use contains, exact or fuzzy.");
}
