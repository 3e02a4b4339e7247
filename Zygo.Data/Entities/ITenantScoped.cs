namespace Zygo.Data.Entities;

/// <summary>Marks an entity that belongs to one tenant; the DbContext filters and guards it by the current tenant.</summary>
public interface ITenantScoped
{
    Guid TenantId { get; set; }
}
