namespace Zygo.Web.Documentation.Rendering;

/// <summary>
/// Where links and images of a page lead in one area: slug links to the area's page path (or, on the public site,
/// to the signed-in area for internal pages), in-page anchors to the page's full path (the app's
/// <c>&lt;base href="/"&gt;</c> would send a bare <c>#x</c> to the home page), and <c>images/…</c> to the served folder.
/// </summary>
public sealed class LinkTargets(DocArea area, string currentSlug, Func<string, DocAudience?> audienceOf)
{
    public string Link(string url)
    {
        if (url.StartsWith('#'))
        {
            return area.PagePath(currentSlug) + url;
        }

        if (!IsRelativePath(url))
        {
            return url;
        }

        var hash = url.IndexOf('#');
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var slug = path.TrimEnd('/').Split('/')[^1];
        if (slug.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            slug = slug[..^3];
        }

        if (slug.Length == 0)
        {
            return url;
        }

        var target = area == DocArea.Public && audienceOf(slug) is { } audience && audience != DocAudience.Public
            ? DocArea.Internal
            : area;
        return target.PagePath(slug) + fragment;
    }

    public static string Image(string url)
    {
        const string folder = "images/";
        var at = url.LastIndexOf(folder, StringComparison.OrdinalIgnoreCase);
        return IsRelativePath(url) && at >= 0 ? $"{DocAreaPaths.ImagesRoot}/{url[(at + folder.Length)..]}" : url;
    }

    /// <summary>The slug and anchor a rewritten link points at, if it points into the documentation.</summary>
    public static (string Slug, string? Anchor)? Target(string href)
    {
        foreach (var root in new[] { DocAreaPaths.PublicRoot, DocAreaPaths.InternalRoot })
        {
            if (href.StartsWith(root + "/", StringComparison.Ordinal))
            {
                var rest = href[(root.Length + 1)..];
                var hash = rest.IndexOf('#');
                return hash < 0 ? (rest, null) : (rest[..hash], rest[(hash + 1)..]);
            }
        }

        return null;
    }

    /// <summary>No scheme, not rooted: a link written relative to the docs.</summary>
    private static bool IsRelativePath(string url) => !url.StartsWith('/') && !UrlSafety.HasScheme(url);
}
