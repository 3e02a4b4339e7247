using System.Text.Json;
using System.Text.Json.Serialization;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Audit;

/// <summary>Adds audit entries to the same unit of work as the change they describe, so both commit or neither.</summary>
public sealed class AuditTrail(ICurrentUser user, IHttpContextAccessor http)
{
    /// <summary>Enums by name, so the log reads "Viewer", not 4.</summary>
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Record(ZygoDbContext db, string action, string targetType, object? targetId, object? details = null)
    {
        db.AuditLog.Add(new AuditLogEntry
        {
            TenantId = user.TenantId ?? Guid.Empty,
            UserId = user.UserId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId?.ToString(),
            Details = details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
