namespace Zygo.Web.Components.Editor.Canvas;

/// <summary>One entry of the canvas context menu; <see cref="Shortcut"/> is the key that does the same, if any.</summary>
public sealed record CanvasMenuItem(CanvasMenuAction Action, string Label, string Icon, string? Shortcut = null, bool Disabled = false)
{
    /// <summary>
    /// The entries for a request: what acts on the clicked node or edge first, then what acts on the canvas. Viewers
    /// get only what changes nothing.
    /// </summary>
    public static IReadOnlyList<CanvasMenuItem> For(CanvasMenuRequest request, bool canEdit)
    {
        var items = new List<CanvasMenuItem>();
        if (request.Kind == CanvasMenuRequest.NodeKind)
        {
            items.Add(new(CanvasMenuAction.OpenConfiguration, canEdit ? "Open configuration" : "Show configuration", MudBlazor.Icons.Material.Filled.Tune, "Double-click"));
            if (canEdit)
            {
                items.Add(new(CanvasMenuAction.Duplicate, "Duplicate", MudBlazor.Icons.Material.Filled.FileCopy));
                items.Add(new(CanvasMenuAction.Copy, "Copy", MudBlazor.Icons.Material.Filled.ContentCopy, "Ctrl+C"));
            }
        }

        if (canEdit)
        {
            items.Add(new(CanvasMenuAction.PasteHere, "Paste here", MudBlazor.Icons.Material.Filled.ContentPaste, "Ctrl+V", Disabled: !request.CanPaste));
            if (request.Kind is CanvasMenuRequest.NodeKind or CanvasMenuRequest.EdgeKind)
            {
                items.Add(new(CanvasMenuAction.Delete, "Delete", MudBlazor.Icons.Material.Filled.Delete, "Delete"));
            }
        }

        items.Add(new(CanvasMenuAction.SelectAll, "Select all", MudBlazor.Icons.Material.Filled.SelectAll, "Ctrl+A"));
        if (canEdit)
        {
            items.Add(new(CanvasMenuAction.AutoLayout, "Auto-layout", MudBlazor.Icons.Material.Filled.AutoFixHigh));
        }

        items.Add(new(CanvasMenuAction.ZoomToFit, "Zoom to fit", MudBlazor.Icons.Material.Filled.FitScreen));
        return items;
    }
}
