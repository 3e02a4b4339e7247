namespace Zygo.Web.Documentation.Rendering;

/// <summary>Which link and image addresses may reach a reader: http, https, mailto and relative ones.</summary>
public static class UrlSafety
{
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var scheme = Scheme(url);
        return scheme is null || scheme is "http" or "https" or "mailto";
    }

    public static bool HasScheme(string url) => Scheme(url) is not null;

    /// <summary>
    /// The scheme as a browser reads it: browsers drop tabs, new lines and leading spaces inside a URL, so
    /// "java&#9;script:" is still javascript.
    /// </summary>
    private static string? Scheme(string url)
    {
        var compact = new string(url.Where(c => c > ' ').ToArray());
        var colon = compact.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var delimiter = compact.IndexOfAny(['/', '?', '#']);
        return delimiter >= 0 && delimiter < colon ? null : compact[..colon].ToLowerInvariant();
    }
}
