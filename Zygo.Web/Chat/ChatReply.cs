using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;

namespace Zygo.Web.Chat;

/// <summary>
/// The reply a run gives a chat: the output's <c>answer</c> when it has one (an AI Agent's output does), else the
/// output as text; with the agent's token usage and whether the offline model wrote it.
/// </summary>
public sealed record ChatReply(string Content, string? Error, bool Offline, long? InputTokens, long? OutputTokens)
{
    public static ChatReply From(RunResult run)
    {
        if (run.Status != ExecutionStatus.Completed)
        {
            var why = run.Error?.Message ?? $"The run ended {run.Status.ToString().ToLowerInvariant()}.";
            return new ChatReply("", why, false, null, null);
        }

        var output = run.Output as JsonObject;
        var usage = output?["usage"] as JsonObject;
        return new ChatReply(Text(run.Output), null, output?["offline"] is JsonValue offline && offline.TryGetValue<bool>(out var o) && o,
            Number(usage?["inputTokens"]), Number(usage?["outputTokens"]));
    }

    private static string Text(JsonNode? output) => output switch
    {
        JsonObject o when o["answer"] is JsonValue answer => answer.ToString(),
        JsonValue v => v.ToString(),
        null => "",
        _ => output.ToJsonString(),
    };

    private static long? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
}
