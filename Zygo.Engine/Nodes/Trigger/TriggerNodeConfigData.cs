namespace Zygo.Engine.Nodes.Trigger;

/// <summary>Config of the Trigger node (spec: TriggerNodeConfigData); only the section of the chosen mode applies.</summary>
public sealed record TriggerNodeConfigData
{
    public TriggerMode TriggerMode { get; init; } = TriggerMode.Manual;

    public ChatTriggerConfig ChatConfig { get; init; } = new();
    public ManualTriggerConfig ManualConfig { get; init; } = new();
    public ScheduleTriggerConfig ScheduleConfig { get; init; } = new();
    public WebhookTriggerConfig WebhookConfig { get; init; } = new();
}

/// <summary>What starts the workflow.</summary>
public enum TriggerMode
{
    /// <summary>A message in the workflow's chat.</summary>
    Chat,

    /// <summary>The Run button or the API, with an optional input.</summary>
    Manual,

    Schedule,

    /// <summary>An HTTP request to the workflow's webhook address.</summary>
    Webhook,
}
