namespace Zygo.Data.Entities;

public class AuditLogEntry : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid? UserId { get; set; }

    /// <summary>Dotted verb such as <c>workflow.created</c> or <c>variable.updated</c>.</summary>
    public required string Action { get; set; }

    public string? TargetType { get; set; }
    public string? TargetId { get; set; }

    /// <summary>JSON with what changed; never secret values.</summary>
    public string? Details { get; set; }

    public string? IpAddress { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
}
