using Zygo.Data.Entities;

namespace Zygo.Web.Tenancy;

public sealed record MembershipInfo(Guid TenantId, string TenantName, TenantRole Role);
