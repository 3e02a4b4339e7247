namespace Zygo.Web.Editor.Config;

/// <summary>A field's label as shown next to inputs that do not mark required fields themselves.</summary>
public static class FieldLabel
{
    public static string Of(ConfigField field) => field.Required ? field.Label + " *" : field.Label;
}
