namespace Zygo.Data.Entities;

public enum VariableScope
{
    /// <summary>Usable by every workflow of the tenant.</summary>
    Workspace,

    /// <summary>Meant for one project or workflow family; still resolved tenant-wide.</summary>
    Project,

    /// <summary>Injected at run time only, never shown in editors.</summary>
    Runtime,
}
