using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes;

namespace Zygo.Tests.Engine.Runner;

/// <summary>Small node types with known behaviour, so runner tests depend on the runner only.</summary>
public static class TestNodeTypes
{
    public sealed class Empty;


    /// <summary>Stands in for the trigger: passes the run's input on.</summary>
    public sealed class Start : NodeType<Empty>
    {
        public override string Id => "trigger";
        public override string Label => "Start";
        public override NodeCategory Category => NodeCategory.CoreOrchestration;
        public override string Icon => "Zap";
        public override string Color => "#000";
        public override string Description => "test";

        protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, Empty config, CancellationToken ct) =>
            Task.FromResult(NodeOutcome.Of(context.Input?.DeepClone()));
    }

    public sealed class EmitConfig
    {
        /// <summary>What to output; templates resolved. Null: pass the input through.</summary>
        public JsonNode? Value { get; init; }

        public int DelayMs { get; init; }
    }

    /// <summary>Outputs its <c>value</c> (or its input) after an optional delay.</summary>
    public sealed class Emit : NodeType<EmitConfig>
    {
        public override string Id => "test_emit";
        public override string Label => "Emit";
        public override NodeCategory Category => NodeCategory.Integration;
        public override string Icon => "Code";
        public override string Color => "#000";
        public override string Description => "test";

        protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, EmitConfig config, CancellationToken ct)
        {
            if (config.DelayMs > 0)
            {
                await Task.Delay(config.DelayMs, ct);
            }

            return NodeOutcome.Of(config.Value?.DeepClone() ?? context.Input?.DeepClone());
        }
    }

    public sealed class FailConfig
    {
        public string Message { get; init; } = "boom";
        public bool Retryable { get; init; }

        /// <summary>Succeed from this attempt on (0: never).</summary>
        public int SucceedOnAttempt { get; init; }
    }

    /// <summary>Fails (retryably or not), optionally succeeding after a number of attempts.</summary>
    public sealed class Fail : NodeType<FailConfig>
    {
        private int _attempts;

        public override string Id => "test_fail";
        public override string Label => "Fail";
        public override NodeCategory Category => NodeCategory.Integration;
        public override string Icon => "Code";
        public override string Color => "#000";
        public override string Description => "test";

        protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, FailConfig config, CancellationToken ct)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            return config.SucceedOnAttempt > 0 && attempt >= config.SucceedOnAttempt
                ? Task.FromResult(NodeOutcome.Of(new JsonObject { ["attempt"] = attempt }))
                : throw new NodeFailedException(config.Message, config.Retryable);
        }
    }

    public sealed class BranchConfig
    {
        public string Handle { get; init; } = "true";
    }

    /// <summary>Fires only the configured handle, passing its input on.</summary>
    public sealed class Branch : NodeType<BranchConfig>
    {
        public override string Id => "test_branch";
        public override string Label => "Branch";
        public override NodeCategory Category => NodeCategory.FlowControl;
        public override string Icon => "GitBranch";
        public override string Color => "#000";
        public override string Description => "test";

        protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, BranchConfig config, CancellationToken ct) =>
            Task.FromResult(NodeOutcome.Branch(context.Input?.DeepClone(), config.Handle));
    }

    /// <summary>Doubles the number it gets (its input, or input.value).</summary>
    public sealed class Twice : NodeType<Empty>
    {
        public override string Id => "test_twice";
        public override string Label => "Twice";
        public override NodeCategory Category => NodeCategory.Integration;
        public override string Icon => "Code";
        public override string Color => "#000";
        public override string Description => "test";

        protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, Empty config, CancellationToken ct)
        {
            await Task.Delay(300, ct);
            var n = context.Input is JsonValue v ? v.GetValue<double>() : context.Input!["value"]!.GetValue<double>();
            return NodeOutcome.Of(JsonValue.Create(n * 2));
        }
    }
}
