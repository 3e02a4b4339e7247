using System.Text.Json.Nodes;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;

namespace Zygo.Engine.Execution.Flow;

/// <summary>
/// The generic failure fields every node may carry in its config: <c>timeout</c> (seconds), <c>retries</c> and
/// <c>errorHandling</c>. Read from the raw config so they apply to every node type alike.
/// </summary>
public sealed record NodePolicy(TimeSpan? Timeout, int Retries, ErrorHandling ErrorHandling)
{
    /// <summary>Retries when <c>errorHandling</c> is <c>retry</c> but no count is given.</summary>
    public const int DefaultRetries = 3;

    public static readonly TimeSpan BaseBackoff = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static NodePolicy For(GraphNode node)
    {
        var config = node.Config;
        var timeout = Number(config, "timeout") is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var handling = config["errorHandling"]?.GetValueKind() == System.Text.Json.JsonValueKind.String &&
                       Enum.TryParse<ErrorHandling>(config["errorHandling"]!.GetValue<string>(), ignoreCase: true, out var h)
            ? h
            : ErrorHandling.Throw;
        var retries = (int)Math.Clamp(Number(config, "retries") ?? 0, 0, 10);
        if (handling == ErrorHandling.Retry && retries == 0)
        {
            retries = DefaultRetries;
        }

        return new NodePolicy(timeout, retries, handling);
    }

    /// <summary>Exponential backoff: 200 ms, 400 ms, 800 ms … capped at 30 s.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1)));

    private static double? Number(JsonObject config, string name) =>
        config[name] is JsonValue value && (value.TryGetValue<double>(out var d) || (value.TryGetValue<string>(out var s) &&
                                                                                      double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out d)))
            ? d
            : null;
}
