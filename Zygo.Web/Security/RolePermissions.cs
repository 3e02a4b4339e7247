using System.Collections.Frozen;
using Zygo.Data.Entities;

namespace Zygo.Web.Security;

/// <summary>
/// The role permission matrix of the product spec. Rows not in the spec's table follow its pattern: viewing is
/// for everyone, building is for Developer and up, destructive and administrative acts are for Admin and up.
/// </summary>
public static class RolePermissions
{
    private static readonly FrozenDictionary<TenantRole, FrozenSet<Permission>> Matrix = Build();

    public static bool Has(TenantRole role, Permission permission) => Matrix[role].Contains(permission);

    public static IReadOnlySet<Permission> For(TenantRole role) => Matrix[role];

    private static FrozenDictionary<TenantRole, FrozenSet<Permission>> Build()
    {
        Permission[] viewer =
        [
            Permission.ViewWorkflows, Permission.ViewLogs, Permission.ViewAIComponents, Permission.ViewAIMetrics,
            Permission.UseApiKeys,
        ];
        Permission[] member = [.. viewer, Permission.ExecuteWorkflows, Permission.ViewVariables];
        Permission[] developer =
        [
            .. member, Permission.CreateWorkflows, Permission.EditWorkflows, Permission.ScheduleWorkflows,
            Permission.DebugWorkflows, Permission.CreateAIComponents, Permission.EditAIComponents,
            Permission.DeployAIComponents, Permission.TrainModels, Permission.AccessAIApi, Permission.ManageVariables,
        ];
        Permission[] admin =
        [
            .. developer, Permission.DeleteWorkflows, Permission.DeleteAIComponents, Permission.ManageMembers,
            Permission.ViewAuditLog,
        ];

        return new Dictionary<TenantRole, FrozenSet<Permission>>
        {
            [TenantRole.Owner] = admin.ToFrozenSet(),
            [TenantRole.Admin] = admin.ToFrozenSet(),
            [TenantRole.Developer] = developer.ToFrozenSet(),
            [TenantRole.Member] = member.ToFrozenSet(),
            [TenantRole.Viewer] = viewer.ToFrozenSet(),
        }.ToFrozenDictionary();
    }
}
