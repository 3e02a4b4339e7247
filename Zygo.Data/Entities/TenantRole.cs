namespace Zygo.Data.Entities;

/// <summary>A member's role within one tenant, from most to least privileged.</summary>
public enum TenantRole
{
    Owner = 0,
    Admin = 1,
    Developer = 2,
    Member = 3,
    Viewer = 4,
}
