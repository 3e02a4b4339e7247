namespace Zygo.Web.Components.Editor.Config;

/// <summary>What a JSON field stores.</summary>
public enum JsonFieldMode
{
    /// <summary>The JSON as text (a string property holding JSON); empty is allowed.</summary>
    Text,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>Any value: JSON when it parses, else the text (templates).</summary>
    Loose,
}
