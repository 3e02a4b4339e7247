using System.Text.RegularExpressions;
using Zygo.Web.Variables;

namespace Zygo.Web.Editor.Config;

/// <summary>A config value that is nothing but a reference to a tenant variable: <c>{{NAME}}</c> or <c>{{env.NAME}}</c>.</summary>
public static partial class VariableReference
{
    [GeneratedRegex(@"^\{\{\s*(?:env\.)?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$")]
    private static partial Regex Pattern();

    /// <summary>The variable's name when the value is a lone reference; otherwise null.</summary>
    public static string? NameIn(string? value) => value is not null && Pattern().Match(value.Trim()) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>How a config refers to the variable (as the Variables page shows it).</summary>
    public static string To(VariableSummary variable) => variable.Reference;
}
