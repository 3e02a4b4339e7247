using System.Text.Json.Serialization;

namespace Zygo.Web.Components.Editor.Canvas;

/// <summary>
/// What the canvas shows of one node in a run: its state (queued, running, completed, failed, skipped, cancelled;
/// empty clears it), its duration, how many times it ran (loops, tool calls) and its error for the tooltip.
/// Short property names: a batch for a large graph travels in one message.
/// </summary>
public sealed record CanvasRunStatus(
    [property: JsonPropertyName("s")] string State,
    [property: JsonPropertyName("d")] double? DurationMs = null,
    [property: JsonPropertyName("n")] int Runs = 0,
    [property: JsonPropertyName("e")] string? Error = null)
{
    public static readonly CanvasRunStatus Queued = new("queued");
    public static readonly CanvasRunStatus Cleared = new("");
}
