using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes;

/// <summary>
/// One kind of node: what the registry, the palette and the agent know about it, and how it runs. A new node type
/// is one class implementing this (usually through <see cref="NodeType{TConfig}"/>); the engine finds it by itself.
/// </summary>
public interface INodeType
{
    /// <summary>The registry id, e.g. <c>http_api</c>.</summary>
    string Id { get; }

    string Label { get; }
    NodeCategory Category { get; }

    /// <summary>The spec's icon name (Lucide), e.g. <c>Globe</c>.</summary>
    string Icon { get; }

    /// <summary>CSS colour of the node on the canvas.</summary>
    string Color { get; }

    string Description { get; }

    /// <summary>The typed config record; its JSON schema and defaults are derived from it.</summary>
    Type ConfigType { get; }

    /// <summary>JSON schema of the arguments an AI Agent passes when it calls this node as a tool.</summary>
    JsonObject ArgumentSchema { get; }

    /// <summary>False while the type is registered (it shows in the palette and loads in graphs) but cannot run yet.</summary>
    bool IsAvailable { get; }

    /// <summary><paramref name="config"/> with the type's defaults that name variables (e.g. <c>{{SMTP_HOST}}</c>) for the fields it leaves out.</summary>
    JsonObject WithDefaults(JsonObject config) => config;

    Task<NodeOutcome> ExecuteAsync(NodeContext context, CancellationToken cancellationToken);
}
