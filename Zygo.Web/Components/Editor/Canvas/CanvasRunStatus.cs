using System.Text.Json.Serialization;

namespace Zygo.Web.Components.Editor.Canvas;

/// <summary>
/// What the canvas shows of one node in a run: its state (queued, running, completed, failed, skipped, cancelled;
/// empty clears it), its duration, how many times it ran (loops, tool calls) and its error for the tooltip.
/// Short property names and no empty ones: a batch for a large graph travels in one small message.
/// </summary>
public sealed record CanvasRunStatus(
    [property: JsonPropertyName("s")] string State,
    [property: JsonPropertyName("d"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] double? DurationMs = null,
    [property: JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Runs = 0,
    [property: JsonPropertyName("e"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string? Error = null)
{
    public static readonly CanvasRunStatus Queued = new("queued");
    public static readonly CanvasRunStatus Cleared = new("");
}
