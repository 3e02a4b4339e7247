using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// A node type that is in the catalogue (palette, graphs, config schema) but cannot run in this build: the AI types
/// until their handlers land. Running one fails with "not available yet".
/// </summary>
public abstract class PendingNodeType<TConfig> : NodeType<TConfig> where TConfig : class, new()
{
    public sealed override bool IsAvailable => false;

    protected sealed override Task<NodeOutcome> ExecuteAsync(NodeContext context, TConfig config, CancellationToken cancellationToken) =>
        Task.FromException<NodeOutcome>(new NodeNotAvailableException(Id));
}
