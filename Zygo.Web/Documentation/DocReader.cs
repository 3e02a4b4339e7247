using Zygo.Data.Entities;

namespace Zygo.Web.Documentation;

/// <summary>How far a reader may see into the documentation: the audience rules in one place.</summary>
public sealed record DocReader(DocAudience Reach)
{
    /// <summary>An anonymous visitor, and every reader of the public site or public API.</summary>
    public static DocReader Public { get; } = new(DocAudience.Public);

    /// <summary>A signed-in member with <paramref name="role"/> in the current tenant; no role reads like the public.</summary>
    public static DocReader ForRole(TenantRole? role) => role switch
    {
        TenantRole.Owner or TenantRole.Admin or TenantRole.Developer => new DocReader(DocAudience.Developers),
        TenantRole.Member or TenantRole.Viewer => new DocReader(DocAudience.Members),
        _ => Public,
    };

    public bool MaySee(DocPage page) => page.Audience <= Reach;
}
