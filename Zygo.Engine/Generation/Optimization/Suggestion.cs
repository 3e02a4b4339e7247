using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Zygo.Engine.Generation.Optimization;

/// <summary>
/// One improvement to a workflow: which node (if one), its category (performance, cost, reliability, security), how
/// much it matters (info, warning, critical), what is wrong, and when the change is mechanical the config fields
/// that fix it. <see cref="Source"/> says whether a static check or a model found it.
/// </summary>
public sealed record Suggestion(
    [property: JsonPropertyName("nodeId")] string? NodeId,
    string Category,
    string Severity,
    string Message,
    JsonObject? Fix = null,
    string Source = Suggestion.StaticSource)
{
    public const string StaticSource = "static";
    public const string ModelSource = "model";

    public static readonly string[] Categories = ["performance", "cost", "reliability", "security"];
    public static readonly string[] Severities = ["info", "warning", "critical"];
}
