namespace Zygo.Web.Documentation.Reading;

/// <summary>A user's progress on one page.</summary>
public sealed record PageProgress(double ScrollPosition, bool IsRead, bool IsBookmarked);
