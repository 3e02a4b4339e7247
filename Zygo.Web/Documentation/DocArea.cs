namespace Zygo.Web.Documentation;

/// <summary>Where a page is shown; decides where links between pages lead.</summary>
public enum DocArea
{
    /// <summary>The public site under <c>/docs</c>.</summary>
    Public,

    /// <summary>The signed-in area under <c>/documentation</c>.</summary>
    Internal,
}

public static class DocAreaPaths
{
    public const string PublicRoot = "/docs";
    public const string InternalRoot = "/documentation";
    public const string ImagesRoot = "/docs-images";

    public static string Root(this DocArea area) => area == DocArea.Public ? PublicRoot : InternalRoot;

    public static string PagePath(this DocArea area, string slug) => $"{area.Root()}/{slug}";
}
