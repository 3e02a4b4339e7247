using MudBlazor;

namespace Zygo.Web.Components.Layout;

/// <summary>Zygo's palette: an indigo primary with a teal accent, on calm neutrals in both modes.</summary>
public static class ZygoTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4F46E5",
            Secondary = "#0D9488",
            Tertiary = "#DB2777",
            AppbarBackground = "#FFFFFF",
            AppbarText = "#1F2937",
            Background = "#F7F7FB",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#374151",
            DrawerIcon = "#6B7280",
            LinesDefault = "#E5E7EB",
            TextPrimary = "#111827",
            TextSecondary = "#6B7280",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#818CF8",
            Secondary = "#2DD4BF",
            Tertiary = "#F472B6",
            AppbarBackground = "#111827",
            AppbarText = "#E5E7EB",
            Background = "#0B1020",
            Surface = "#151B2E",
            DrawerBackground = "#111827",
            DrawerText = "#D1D5DB",
            DrawerIcon = "#9CA3AF",
            LinesDefault = "#273049",
            TextPrimary = "#F3F4F6",
            TextSecondary = "#9CA3AF",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px", DrawerWidthLeft = "232px" },
    };
}
