using System.Text.Json.Nodes;

namespace Zygo.Engine.Agent;

/// <summary>How one tool call ended, and the text the model reads about it.</summary>
/// <param name="Outcome">One of the <see cref="ToolOutcomes"/>.</param>
/// <param name="Text">What the model is told: the (possibly truncated) result, or what went wrong.</param>
public sealed record ToolObservation(string CallId, string Name, string? NodeId, JsonNode? Arguments, string Outcome, string Text,
    JsonNode? Result, double LatencyMs);

/// <summary>The defined ends of a tool call; anything but <see cref="Ok"/> is an error the model can react to.</summary>
public static class ToolOutcomes
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string UnknownTool = "unknown_tool";
    public const string InvalidArguments = "invalid_arguments";
}
