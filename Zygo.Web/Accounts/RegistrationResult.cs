using Zygo.Data.Entities;

namespace Zygo.Web.Accounts;

public sealed record RegistrationResult(ZygoUser? User, Guid? TenantId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => User is not null;

    public static RegistrationResult Fail(params string[] errors) => new(null, null, errors);
}
