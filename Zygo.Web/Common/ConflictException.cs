namespace Zygo.Web.Common;

/// <summary>The change clashes with existing data (a taken name or slug, a stale edit); shown as 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
