namespace Zygo.Web.Editor.Config;

/// <summary>Names of the values the node panel cascades to the config field editors.</summary>
public static class ConfigCascade
{
    /// <summary>True for viewers: fields that a disabled fieldset cannot reach (the code editor) turn read-only.</summary>
    public const string ReadOnly = "ConfigReadOnly";
}
