namespace Zygo.Web.Security;

/// <summary>Policy names for <c>[Authorize(Policy = …)]</c> and <c>RequireAuthorization</c>; one per permission.</summary>
public static class Policies
{
    public const string Prefix = "perm:";

    public const string ViewWorkflows = Prefix + nameof(Permission.ViewWorkflows);
    public const string CreateWorkflows = Prefix + nameof(Permission.CreateWorkflows);
    public const string EditWorkflows = Prefix + nameof(Permission.EditWorkflows);
    public const string DeleteWorkflows = Prefix + nameof(Permission.DeleteWorkflows);
    public const string ExecuteWorkflows = Prefix + nameof(Permission.ExecuteWorkflows);
    public const string ViewLogs = Prefix + nameof(Permission.ViewLogs);
    public const string DebugWorkflows = Prefix + nameof(Permission.DebugWorkflows);
    public const string ViewVariables = Prefix + nameof(Permission.ViewVariables);
    public const string ManageVariables = Prefix + nameof(Permission.ManageVariables);
    public const string ManageMembers = Prefix + nameof(Permission.ManageMembers);
    public const string ViewAuditLog = Prefix + nameof(Permission.ViewAuditLog);
    public const string UseApiKeys = Prefix + nameof(Permission.UseApiKeys);

    public static string For(Permission permission) => Prefix + permission;
}
