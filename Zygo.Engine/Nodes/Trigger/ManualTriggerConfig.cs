namespace Zygo.Engine.Nodes.Trigger;

/// <summary>What a manual run accepts.</summary>
public sealed record ManualTriggerConfig
{
    /// <summary>JSON schema the run's input must match; empty accepts any input.</summary>
    public string InputPayload { get; init; } = "";
}
