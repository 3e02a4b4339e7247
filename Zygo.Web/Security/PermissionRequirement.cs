using Microsoft.AspNetCore.Authorization;

namespace Zygo.Web.Security;

public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;
