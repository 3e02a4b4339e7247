using MudBlazor;

namespace Zygo.Web.Editor.Config;

/// <summary>The Material icon standing for each of the spec's Lucide icon names.</summary>
public static class NodeTypeIcons
{
    private static readonly Dictionary<string, string> Icons = new(StringComparer.Ordinal)
    {
        ["Brain"] = MudBlazor.Icons.Material.Outlined.Psychology,
        ["Zap"] = MudBlazor.Icons.Material.Outlined.Bolt,
        ["ListTodo"] = MudBlazor.Icons.Material.Outlined.Checklist,
        ["Sparkles"] = MudBlazor.Icons.Material.Outlined.AutoAwesome,
        ["FileSearch"] = MudBlazor.Icons.Material.Outlined.FindInPage,
        ["Save"] = MudBlazor.Icons.Material.Outlined.Save,
        ["Search"] = MudBlazor.Icons.Material.Outlined.Search,
        ["GitBranch"] = MudBlazor.Icons.Material.Outlined.AccountTree,
        ["Tags"] = MudBlazor.Icons.Material.Outlined.Sell,
        ["Globe"] = MudBlazor.Icons.Material.Outlined.Public,
        ["Database"] = MudBlazor.Icons.Material.Outlined.Storage,
        ["Mail"] = MudBlazor.Icons.Material.Outlined.Mail,
        ["Code"] = MudBlazor.Icons.Material.Outlined.Code,
        ["Repeat"] = MudBlazor.Icons.Material.Outlined.Repeat,
        ["Filter"] = MudBlazor.Icons.Material.Outlined.FilterAlt,
        ["Clock"] = MudBlazor.Icons.Material.Outlined.Schedule,
        ["Shield"] = MudBlazor.Icons.Material.Outlined.Shield,
        ["Wrench"] = MudBlazor.Icons.Material.Outlined.Build,
        ["Activity"] = MudBlazor.Icons.Material.Outlined.MonitorHeart,
    };

    /// <summary>The icon for a Lucide name; a generic box for a name without one.</summary>
    public static string For(string lucideName) => Icons.GetValueOrDefault(lucideName, MudBlazor.Icons.Material.Outlined.Widgets);
}
