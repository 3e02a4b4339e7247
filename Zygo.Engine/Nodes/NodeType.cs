using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes;

/// <summary>Base for node types with a typed config: binds the node's config (templates resolved) before running.</summary>
public abstract class NodeType<TConfig> : INodeType where TConfig : class, new()
{
    public abstract string Id { get; }
    public abstract string Label { get; }
    public abstract NodeCategory Category { get; }
    public abstract string Icon { get; }
    public abstract string Color { get; }
    public abstract string Description { get; }

    public Type ConfigType => typeof(TConfig);

    /// <summary>By default an agent passes one free-form <c>input</c> object; types with better arguments override.</summary>
    public virtual JsonObject ArgumentSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["input"] = new JsonObject { ["type"] = "object", ["description"] = "Data for the node; it becomes the node's input." },
        },
    };

    public virtual bool IsAvailable => true;

    public JsonObject WithDefaults(JsonObject config) => ConfigDefaults<TConfig>.Overlay(config);

    public Task<NodeOutcome> ExecuteAsync(NodeContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(context, context.BindConfig<TConfig>(), cancellationToken);

    protected abstract Task<NodeOutcome> ExecuteAsync(NodeContext context, TConfig config, CancellationToken cancellationToken);
}
