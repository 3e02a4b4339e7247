using Microsoft.AspNetCore.Identity;

namespace Zygo.Data.Entities;

public class ZygoUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>The tenant the user worked in last; sign-in opens it again.</summary>
    public Guid? LastTenantId { get; set; }
}
