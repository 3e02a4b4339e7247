namespace Zygo.Web.Security;

public static class ZygoClaims
{
    /// <summary>The tenant the session works in; chosen at sign-in or by the tenant switcher.</summary>
    public const string TenantId = "zygo:tenant";

    /// <summary>The member's role in that tenant, read from the database on each request.</summary>
    public const string Role = "zygo:role";

    public const string TenantName = "zygo:tenant_name";

    /// <summary>Present when the request was authenticated by an API key.</summary>
    public const string ApiKeyId = "zygo:api_key";
}
