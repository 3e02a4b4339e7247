using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;
using MemoryRow = Zygo.Data.Entities.Memory;

namespace Zygo.Engine.Memory;

/// <summary>
/// The memories a search may return: the tenant's current, unexpired ones that pass the node's filters. Tags are
/// checked in memory (<see cref="HasAnyTag"/>) because stored tags are one space-joined column.
/// </summary>
internal sealed class MemoryFilter
{
    private readonly List<string> _types;
    private readonly List<string> _sensitivity;
    private readonly List<string> _importance;
    private readonly List<string> _tags;
    private readonly DateTime? _from;
    private readonly DateTime? _until;

    public MemoryFilter(MemorySearchFilters filters)
    {
        _types = filters.MemoryTypes.Select(Name).ToList();
        _sensitivity = filters.Sensitivity.Select(Name).ToList();
        _importance = filters.Importance.Select(Name).ToList();
        _tags = filters.Tags.Select(MemoryTags.Normalize).Where(t => t.Length > 0).ToList();
        _from = Date(filters.DateRange?.Start, "start", endOfDay: false);
        _until = Date(filters.DateRange?.End, "end", endOfDay: true);
    }

    public IQueryable<MemoryRow> Query(ZygoDbContext db, Guid tenantId, DateTime now)
    {
        // Read-only: an identity-resolved row loaded earlier would hide a vector written since with ExecuteUpdate.
        var query = db.Memories.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == tenantId && !m.Superseded && (m.ExpiresAt == null || m.ExpiresAt > now));
        if (_types.Count > 0)
        {
            query = query.Where(m => _types.Contains(m.Type));
        }

        if (_sensitivity.Count > 0)
        {
            query = query.Where(m => _sensitivity.Contains(m.Sensitivity));
        }

        if (_importance.Count > 0)
        {
            query = query.Where(m => _importance.Contains(m.Importance));
        }

        if (_from is { } from)
        {
            query = query.Where(m => m.ObservedAt >= from);
        }

        if (_until is { } until)
        {
            query = query.Where(m => m.ObservedAt <= until);
        }

        return query;
    }

    public bool HasAnyTag(MemoryRow memory) =>
        _tags.Count == 0 || MemoryTags.Split(memory.Tags).Intersect(_tags).Any();

    private static string Name<T>(T value) where T : struct, Enum =>
        JsonSerializer.SerializeToElement(value, EngineJson.Options).GetString()!;

    /// <summary>A date-only end (<c>2026-05-31</c>) includes that whole day.</summary>
    private static DateTime? Date(string? text, string field, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new NodeFailedException($"'filters.dateRange.{field}' is not an ISO 8601 date: '{text}'.");
        }

        return endOfDay && text.Trim().Length <= 10 ? at.AddDays(1).AddTicks(-1) : at;
    }
}
