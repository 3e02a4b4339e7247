using Zygo.Web.Security;

namespace Zygo.Web.Tenancy;

public sealed class PermissionDeniedException(Permission permission)
    : Exception($"Your role does not allow this ({permission}).")
{
    public Permission Permission { get; } = permission;
}
