namespace Zygo.Web.Components.Editor.Canvas;

/// <summary>What the canvas context menu can do.</summary>
public enum CanvasMenuAction
{
    OpenConfiguration,
    Duplicate,
    Copy,
    PasteHere,
    Delete,
    SelectAll,
    AutoLayout,
    ZoomToFit,
}
