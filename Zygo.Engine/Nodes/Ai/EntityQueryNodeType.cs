using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;
using Zygo.Engine.Knowledge;
using Zygo.Engine.Nodes.Operations;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// Creates, updates, finds and deletes the tenant's entities (the knowledge graph's nodes), and links them with
/// relations. An entity is one per type and name: creating an existing one merges its properties.
/// </summary>
public sealed class EntityQueryNodeType : NodeType<EntityQueryConfigData>
{
    public const int MaxLimit = 200;

    public override string Id => "entity_query";
    public override string Label => "Entity Query";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Tags";
    public override string Color => "#C026D3";
    public override string Description => "Query and manage entities";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        ToolArgument.Choice<EntityOperation>("operation",
            "create: make an entity (or merge into the one of that type and name); update: change an existing one; find: search by name, type and properties; delete: remove one with its relations.",
            required: true),
        new ToolArgument("name", "string", "The entity's name, e.g. Ada Lovelace; for find, part of a name."),
        new ToolArgument("type", "string", "Kind of entity, e.g. person, organization, customer; required to create."),
        new ToolArgument("properties", "object", "For create and update: properties to set, e.g. {\"email\": \"ada@example.com\"}."),
        new ToolArgument("filters", "object", "For find: property names and the values they must equal."),
        new ToolArgument("relation", "string", "For create and update: a relation from this entity to target, e.g. works_for."),
        new ToolArgument("target", "string", "For create and update: the entity the relation points to (name or id)."),
        new ToolArgument("targetType", "string", "The target's type; a target of that type is created when missing."));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, EntityQueryConfigData config, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var operation = KnowledgeArguments.Choice(config.Operation, input, "operation");
        var request = new EntityRequest(
            Type: KnowledgeArguments.Text(config.EntityType, input, "type"),
            Name: KnowledgeArguments.Text(config.Name, input, "name"),
            Id: KnowledgeArguments.Text(config.EntityId, input, "entityId"),
            Properties: KnowledgeArguments.Object(config.Properties, input, "properties"),
            Links: Links(config, input));
        var output = await OperationsDatabase.UseAsync(context, db =>
        {
            var store = new KnowledgeStore(db, context.Execution.TenantId);
            return operation switch
            {
                EntityOperation.Create => CreateAsync(context, store, request, cancellationToken),
                EntityOperation.Update => UpdateAsync(context, store, request, config.Rename, cancellationToken),
                EntityOperation.Delete => DeleteAsync(store, request, cancellationToken),
                _ => FindAsync(store, request, config, input, cancellationToken),
            };
        });
        output["operation"] = JsonEnumNames.Of(typeof(EntityOperation))[(int)operation];
        context.Log(output["summary"]!.GetValue<string>());
        return NodeOutcome.Of(output);
    }

    private static async Task<JsonObject> CreateAsync(NodeContext context, KnowledgeStore store, EntityRequest request, CancellationToken ct)
    {
        var write = await store.UpsertAsync(new EntityDraft(request.Type, request.Name, request.Properties, SourceExecutionId: context.Execution.ExecutionId), ct);
        var relations = await LinkAsync(context, store, write.Entity, request.Links, ct);
        var entity = write.Entity;
        return Written(entity, write.Created ? "created" : "updated", relations,
            write.Created ? $"Created {entity.Type} '{entity.Name}'." : $"{entity.Type} '{entity.Name}' existed; merged its properties.");
    }

    private static async Task<JsonObject> UpdateAsync(NodeContext context, KnowledgeStore store, EntityRequest request, string rename, CancellationToken ct)
    {
        var entity = await TargetAsync(store, request, "update", ct);
        await store.UpdateAsync(entity, request.Properties, rename, context.Execution.ExecutionId, ct);
        var relations = await LinkAsync(context, store, entity, request.Links, ct);
        return Written(entity, "updated", relations, $"Updated {entity.Type} '{entity.Name}'.");
    }

    private static async Task<JsonObject> DeleteAsync(KnowledgeStore store, EntityRequest request, CancellationToken ct)
    {
        var entity = await TargetAsync(store, request, "delete", ct);
        var relations = await store.DeleteAsync(entity, ct);
        return new JsonObject
        {
            ["outcome"] = "deleted",
            ["entity"] = GraphJson.Entity(entity),
            ["relationsDeleted"] = relations,
            ["summary"] = $"Deleted {entity.Type} '{entity.Name}' and {relations} relation(s).",
        };
    }

    private static async Task<JsonObject> FindAsync(KnowledgeStore store, EntityRequest request, EntityQueryConfigData config, JsonNode? input,
        CancellationToken ct)
    {
        var limit = KnowledgeArguments.Number(config.Limit, input, "limit", 1, MaxLimit);
        var page = await store.SearchAsync(new EntitySearch
        {
            Name = request.Name,
            Type = request.Type,
            Match = config.Match,
            Properties = Filters(config, input),
            Take = limit,
        }, ct);
        return new JsonObject
        {
            ["count"] = page.Items.Count,
            ["total"] = page.Total,
            ["entities"] = new JsonArray(page.Items.Select(e => (JsonNode)GraphJson.Entity(e)).ToArray()),
            ["summary"] = page.Total == 0 ? "No entity matches."
                : $"{page.Total} entities match{(page.Total > page.Items.Count ? $", the first {page.Items.Count} returned" : "")}: "
                  + string.Join("; ", page.Items.Select(e => $"{e.Name} ({e.Type})")),
        };
    }

    /// <summary>The entity an update or delete acts on: by id when given, else by name (and type).</summary>
    private static async Task<KnowledgeEntity> TargetAsync(KnowledgeStore store, EntityRequest request, string operation, CancellationToken ct)
    {
        if (request.Id.Length > 0)
        {
            return Guid.TryParse(request.Id, out var id) && await store.GetAsync(id, ct) is { } byId
                ? byId
                : throw new NodeFailedException($"There is no entity with id '{request.Id}' to {operation}.");
        }

        if (request.Name.Length == 0)
        {
            throw new NodeFailedException($"To {operation} an entity give its 'name' (and 'type') or its 'entityId'.");
        }

        try
        {
            return await store.RequireAsync(request.Name, request.Type, "name", ct);
        }
        catch (NodeFailedException ex)
        {
            throw new NodeFailedException($"Cannot {operation}: {ex.Message}{(operation == "update" ? " Create it first." : "")}");
        }
    }

    private static async Task<JsonArray> LinkAsync(NodeContext context, KnowledgeStore store, KnowledgeEntity from, IReadOnlyList<EntityLink> links,
        CancellationToken ct)
    {
        var made = new JsonArray();
        foreach (var link in links)
        {
            var found = await store.NamedAsync(link.Target, link.TargetType, ct);
            var to = found.Count switch
            {
                1 => found[0],
                0 when link.TargetType.Trim().Length > 0 =>
                    (await store.UpsertAsync(new EntityDraft(link.TargetType, link.Target, [], SourceExecutionId: context.Execution.ExecutionId), ct)).Entity,
                0 => throw new NodeFailedException($"There is no entity named '{link.Target}' to relate to; give 'targetType' to create it."),
                _ => throw new NodeFailedException($"'{link.Target}' names {found.Count} entities; give 'targetType' to choose one."),
            };
            var relation = await store.RelateAsync(from, to, link.Relation, link.Weight, null, null, context.Execution.ExecutionId, ct);
            made.Add($"{from.Name} -[{relation.Type}]-> {to.Name}");
        }

        return made;
    }

    private static JsonObject Written(KnowledgeEntity entity, string outcome, JsonArray relations, string summary) => new()
    {
        ["outcome"] = outcome,
        ["entity"] = GraphJson.Entity(entity),
        ["relations"] = relations,
        ["summary"] = summary,
    };

    private static List<EntityLink> Links(EntityQueryConfigData config, JsonNode? input)
    {
        var links = config.Relations.ToList();
        var relation = KnowledgeArguments.Text("", input, "relation");
        var target = KnowledgeArguments.Text("", input, "target");
        if (relation.Length > 0 || target.Length > 0)
        {
            links.Add(new EntityLink { Relation = relation, Target = target, TargetType = KnowledgeArguments.Text("", input, "targetType") });
        }

        foreach (var link in links.Where(l => l.Relation.Trim().Length == 0 || l.Target.Trim().Length == 0))
        {
            throw new NodeFailedException($"A relation needs both 'relation' and 'target' (got '{link.Relation}' → '{link.Target}').");
        }

        return links;
    }

    private static Dictionary<string, string> Filters(EntityQueryConfigData config, JsonNode? input)
    {
        var filters = config.Filters.Where(f => f.Key.Trim().Length > 0).ToDictionary(f => f.Key.Trim(), f => f.Value);
        if (filters.Count == 0 && input is JsonObject obj && obj["filters"] is JsonObject given)
        {
            foreach (var (key, value) in given)
            {
                filters[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
            }
        }

        return filters;
    }

    private sealed record EntityRequest(string Type, string Name, string Id, JsonObject Properties, IReadOnlyList<EntityLink> Links);
}
