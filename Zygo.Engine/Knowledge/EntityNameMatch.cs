namespace Zygo.Engine.Knowledge;

/// <summary>How a name is matched when finding entities.</summary>
public enum EntityNameMatch
{
    /// <summary>The normalized name contains the text.</summary>
    Contains,

    /// <summary>The normalized name equals the text.</summary>
    Exact,

    /// <summary>Close spelling (edit distance), for typos and variants; scans at most <see cref="EntitySearch.FuzzyScanLimit"/> entities.</summary>
    Fuzzy,
}
