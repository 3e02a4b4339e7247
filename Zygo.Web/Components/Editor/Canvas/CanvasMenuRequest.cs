namespace Zygo.Web.Components.Editor.Canvas;

/// <summary>
/// A context menu the canvas asked for: on a node, an edge or the blank background (<see cref="Kind"/>), at
/// <see cref="Left"/>/<see cref="Top"/> inside a canvas of <see cref="Width"/> × <see cref="Height"/> pixels;
/// <see cref="X"/>/<see cref="Y"/> is the same point in graph coordinates (where "paste here" puts things).
/// </summary>
public sealed record CanvasMenuRequest(string Kind, string? Id, double Left, double Top, double X, double Y,
    double Width, double Height, bool CanPaste)
{
    public const string NodeKind = "node";
    public const string EdgeKind = "edge";
}
