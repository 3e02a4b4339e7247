using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Web.Hosting;

/// <summary>
/// Keeps the global node_types table in step with the engine's registry at start-up: one row per registered type
/// (the ones that cannot run yet marked beta), and rows of types this build no longer has deactivated, not deleted.
/// </summary>
public static class NodeTypeCatalogSync
{
    public static async Task SyncAsync(ZygoDbContext db, NodeTypeRegistry registry, CancellationToken ct = default)
    {
        var rows = await db.NodeTypes.ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
        var now = DateTime.UtcNow;
        foreach (var type in registry.All)
        {
            if (!rows.TryGetValue(type.Id, out var row))
            {
                row = new NodeTypeRecord { Id = type.Id, Label = "", Description = "", Icon = "", Color = "", Category = "", CreatedAt = now };
                db.NodeTypes.Add(row);
            }

            if (Apply(type, row))
            {
                row.UpdatedAt = now;
            }
        }

        foreach (var stale in rows.Values.Where(r => r.IsActive && registry.Find(r.Id) is null))
        {
            stale.IsActive = false;
            stale.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Copies the type onto its row; true when anything changed, so updated_at means a real change.</summary>
    private static bool Apply(INodeType type, NodeTypeRecord row)
    {
        var schema = NodeTypeSchemas.For(type);
        // The same spelling as the API's categories (camelCase).
        var category = JsonNamingPolicy.CamelCase.ConvertName(type.Category.ToString());
        var changed = row.Label != type.Label || row.Description != type.Description || row.Icon != type.Icon
            || row.Color != type.Color || row.Category != category || !row.IsActive || row.IsBeta == type.IsAvailable
            || !SameJson(row.ConfigSchema, schema.Schema) || !SameJson(row.DefaultConfig, schema.Defaults);
        row.Label = type.Label;
        row.Description = type.Description;
        row.Icon = type.Icon;
        row.Color = type.Color;
        row.Category = category;
        row.ConfigSchema = schema.Schema.GetRawText();
        row.DefaultConfig = schema.Defaults.GetRawText();
        row.IsActive = true;
        row.IsBeta = !type.IsAvailable;
        return changed;
    }

    /// <summary>Compares documents, not text: PostgreSQL's jsonb gives them back with its own spacing and key order.</summary>
    private static bool SameJson(string stored, JsonElement current) =>
        JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(current.GetRawText()));
}
