using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Trigger;

/// <summary>The workflow's entry point: its output is the run's input, checked against the manual input schema if one is set.</summary>
public sealed class TriggerNodeType : NodeType<TriggerNodeConfigData>
{
    public override string Id => "trigger";
    public override string Label => "Trigger";
    public override NodeCategory Category => NodeCategory.CoreOrchestration;
    public override string Icon => "Zap";
    public override string Color => "#F59E0B";
    public override string Description => "Workflow entry point (chat, manual, schedule, webhook)";

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, TriggerNodeConfigData config, CancellationToken cancellationToken)
    {
        // A run started without input (the Run button, a schedule) starts from an empty object.
        var input = (context.Scope.Input ?? context.Input)?.DeepClone() ?? new JsonObject();
        if (config.TriggerMode == TriggerMode.Manual && !string.IsNullOrWhiteSpace(config.ManualConfig.InputPayload))
        {
            await ManualInputSchema.ValidateAsync(config.ManualConfig.InputPayload, input, context.Node.DisplayName, cancellationToken);
        }

        return NodeOutcome.Of(input);
    }
}
