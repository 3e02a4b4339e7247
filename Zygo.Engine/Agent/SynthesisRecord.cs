using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Agent;

/// <summary>
/// The synthesis step of an agent's transcript. <see cref="NodeId"/> names the Planner whose synthesizer it was, so
/// the record can say where the model came from without carrying its key.
/// </summary>
/// <param name="Error">Why the synthesizer gave no answer; the agent's draft is the answer then.</param>
public sealed record SynthesisRecord(string NodeId, ModelProvider? Provider, string? Model, string? Text, string? Error)
{
    public long? TokensIn { get; init; }
    public long? TokensOut { get; init; }
    public double LatencyMs { get; init; }

    public bool Offline => Provider == ModelProvider.Offline;

    public JsonObject ToJson() => new()
    {
        ["type"] = "synthesis",
        ["nodeId"] = NodeId,
        ["provider"] = Provider is { } p ? JsonSerializer.SerializeToNode(p, EngineJson.Options) : null,
        ["model"] = Model,
        ["offline"] = Offline,
        ["outcome"] = Error is null ? ToolOutcomes.Ok : ToolOutcomes.Error,
        ["text"] = Text,
        ["error"] = Error,
        ["tokensIn"] = TokensIn,
        ["tokensOut"] = TokensOut,
        ["latencyMs"] = Math.Round(LatencyMs, 3),
    };
}
