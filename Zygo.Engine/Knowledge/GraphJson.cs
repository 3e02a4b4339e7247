using System.Text;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;

namespace Zygo.Engine.Knowledge;

/// <summary>A graph query's answer as a model or the next node reads it: entities, relations, paths and a short summary.</summary>
public static class GraphJson
{
    /// <summary>Most relation lines the summary spells out; the JSON holds them all.</summary>
    private const int SummaryLines = 20;

    public static JsonObject Entity(KnowledgeEntity entity) => new()
    {
        ["id"] = entity.Id,
        ["type"] = entity.Type,
        ["name"] = entity.Name,
        ["properties"] = EntityProperties.Parse(entity.Properties),
    };

    public static JsonObject Of(GraphResult result, string headline)
    {
        var nodes = new JsonArray();
        foreach (var entity in result.Nodes.Values.OrderBy(e => result.Depths.GetValueOrDefault(e.Id)).ThenBy(e => e.NormalizedName))
        {
            var node = Entity(entity);
            if (result.Depths.TryGetValue(entity.Id, out var depth))
            {
                node["depth"] = depth;
            }

            nodes.Add(node);
        }

        var edges = new JsonArray(result.Edges.Values.Select(r => (JsonNode)Edge(r, result)).ToArray());
        var json = new JsonObject
        {
            ["nodes"] = nodes,
            ["edges"] = edges,
            ["summary"] = Summary(result, headline),
            ["truncated"] = result.Truncated is not null,
        };
        if (result.Truncated is { } why)
        {
            json["truncatedReason"] = why;
        }

        return json;
    }

    public static JsonArray Paths(GraphResult result) =>
        new(result.Paths.Select(path => (JsonNode)new JsonObject
        {
            ["length"] = path.Count - 1,
            ["entities"] = new JsonArray(path.Select(s => (JsonNode)s.Entity.Name).ToArray()),
            ["text"] = PathText(path),
        }).ToArray());

    private static JsonObject Edge(KnowledgeRelation relation, GraphResult result) => new()
    {
        ["id"] = relation.Id,
        ["from"] = relation.FromEntityId,
        ["to"] = relation.ToEntityId,
        ["type"] = relation.Type,
        ["weight"] = relation.Weight,
        ["text"] = Line(relation, result),
    };

    private static string Line(KnowledgeRelation relation, GraphResult result) =>
        $"{NameOf(relation.FromEntityId, result)} -[{relation.Type}]-> {NameOf(relation.ToEntityId, result)}";

    private static string NameOf(Guid id, GraphResult result) => result.Nodes.TryGetValue(id, out var e) ? $"{e.Name} ({e.Type})" : id.ToString();

    private static string PathText(IReadOnlyList<PathStep> path)
    {
        var text = new StringBuilder(path[0].Entity.Name);
        foreach (var step in path.Skip(1))
        {
            var forward = step.Via!.ToEntityId == step.Entity.Id;
            text.Append(forward ? $" -[{step.Via.Type}]-> " : $" <-[{step.Via.Type}]- ").Append(step.Entity.Name);
        }

        return text.ToString();
    }

    private static string Summary(GraphResult result, string headline)
    {
        var text = new StringBuilder(headline);
        var lines = result.Paths.Count > 0
            ? result.Paths.Select(PathText).ToList()
            : result.Edges.Values.Select(r => Line(r, result)).ToList();
        foreach (var line in lines.Take(SummaryLines))
        {
            text.Append('\n').Append(line);
        }

        if (lines.Count > SummaryLines)
        {
            text.Append($"\n… and {lines.Count - SummaryLines} more (see the JSON).");
        }

        if (result.Truncated is { } why)
        {
            text.Append($"\nIncomplete: {why}.");
        }

        return text.ToString();
    }
}
