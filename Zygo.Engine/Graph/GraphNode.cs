using System.Text.Json.Nodes;

namespace Zygo.Engine.Graph;

/// <summary>A node as stored in a workflow: its type id, the label and description people (and the agent) read, and its config.</summary>
public sealed record GraphNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string Label { get; init; } = "";
    public string Description { get; init; } = "";
    public GraphPosition? Position { get; init; }

    /// <summary>The type's config fields in camelCase, as the spec names them; may hold {{…}} templates.</summary>
    public JsonObject Config { get; init; } = [];

    /// <summary>The label when there is one: how records and messages name the node to people.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Label) ? Id : Label;
}
