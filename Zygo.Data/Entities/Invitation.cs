namespace Zygo.Data.Entities;

/// <summary>An offer to join a tenant with a role; only the hash of its token is stored.</summary>
public class Invitation : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Email { get; set; }
    public TenantRole Role { get; set; }
    public required string TokenHash { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
