namespace Zygo.Web.Components.Shared;

/// <summary>Inline styles for tokens and JSON; inline because the app ships no scoped-CSS bundle.</summary>
public static class CodeStyle
{
    public const string Monospace = "font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8125rem;";
}
