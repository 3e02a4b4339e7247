using MudBlazor;

namespace Zygo.Web.Components.Editor;

/// <summary>
/// The registry names its icons as the spec does (Lucide names); the editor draws the closest Material icon, the same
/// SVG in the palette and on the canvas.
/// </summary>
public static class NodeIcons
{
    private static readonly Dictionary<string, string> ByLucideName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Brain"] = Icons.Material.Filled.Psychology,
        ["Zap"] = Icons.Material.Filled.Bolt,
        ["ListTodo"] = Icons.Material.Filled.Checklist,
        ["Sparkles"] = Icons.Material.Filled.AutoAwesome,
        ["FileSearch"] = Icons.Material.Filled.FindInPage,
        ["Save"] = Icons.Material.Filled.Save,
        ["Search"] = Icons.Material.Filled.Search,
        ["GitBranch"] = Icons.Material.Filled.CallSplit,
        ["Tags"] = Icons.Material.Filled.Sell,
        ["Globe"] = Icons.Material.Filled.Public,
        ["Database"] = Icons.Material.Filled.Storage,
        ["Mail"] = Icons.Material.Filled.Email,
        ["Code"] = Icons.Material.Filled.Code,
        ["Repeat"] = Icons.Material.Filled.Repeat,
        ["Filter"] = Icons.Material.Filled.FilterAlt,
        ["Clock"] = Icons.Material.Filled.Schedule,
        ["Shield"] = Icons.Material.Filled.Shield,
        ["Wrench"] = Icons.Material.Filled.Build,
        ["Activity"] = Icons.Material.Filled.MonitorHeart,
    };

    /// <summary>A node type the map does not know (a new extension) still gets an icon.</summary>
    public static string For(string lucideName) => ByLucideName.GetValueOrDefault(lucideName, Icons.Material.Filled.Extension);
}
