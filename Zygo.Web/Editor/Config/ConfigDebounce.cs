namespace Zygo.Web.Editor.Config;

/// <summary>How long typing pauses before a text field commits its value (a blur commits at once).</summary>
public static class ConfigDebounce
{
    public const int TypingMs = 500;
}
