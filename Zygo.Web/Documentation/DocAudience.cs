namespace Zygo.Web.Documentation;

/// <summary>Who a page is written for; set by the page's <c>audience</c> front matter.</summary>
public enum DocAudience
{
    /// <summary>On the public site and in the signed-in area.</summary>
    Public,

    /// <summary>Only in the signed-in area, for any member.</summary>
    Members,

    /// <summary>Only in the signed-in area, for Developers, Admins and Owners.</summary>
    Developers,
}
