using System.Text.Json.Serialization;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// The Planner's synthesizer: a model connection that is used only when switched on, since every connection has a
/// provider (offline by default) and so cannot say "none" by itself.
/// </summary>
public sealed record SynthesizerConnection : ModelConnection
{
    /// <summary>Let this model write the AI Agent's final answer from the plan, the steps' results and the agent's draft.</summary>
    [JsonPropertyOrder(-2)]
    public bool Enabled { get; init; }
}
