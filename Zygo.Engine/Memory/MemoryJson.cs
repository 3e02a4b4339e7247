using System.Text.Json.Nodes;

namespace Zygo.Engine.Memory;

/// <summary>A found memory as a search returns it: what it says and its score, and with metadata everything else.</summary>
internal static class MemoryJson
{
    public static JsonObject Of(MemoryHit hit, bool includeMetadata)
    {
        var m = hit.Memory;
        var json = new JsonObject
        {
            ["id"] = m.Id,
            ["key"] = m.Key,
            ["content"] = m.Content,
            ["score"] = Math.Round(hit.Score, 4),
        };
        if (!includeMetadata)
        {
            return json;
        }

        json["title"] = m.Title;
        json["summary"] = m.Summary;
        json["type"] = m.Type;
        json["tags"] = new JsonArray(MemoryTags.Split(m.Tags).Select(t => (JsonNode)t).ToArray());
        json["sensitivity"] = m.Sensitivity;
        json["importance"] = m.Importance;
        json["confidence"] = m.Confidence;
        json["version"] = m.Version;
        json["observedAt"] = m.ObservedAt;
        json["expiresAt"] = m.ExpiresAt;
        json["createdAt"] = m.CreatedAt;
        json["updatedAt"] = m.UpdatedAt;
        json["metadata"] = JsonNode.Parse(m.Metadata);
        json["scores"] = new JsonObject
        {
            ["keyword"] = hit.Keyword is { } k ? Math.Round(k, 4) : null,
            ["semantic"] = hit.Semantic is { } s ? Math.Round(s, 4) : null,
        };
        return json;
    }
}
