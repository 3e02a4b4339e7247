using System.Text.Json;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Web.Components.Editor;

/// <summary>A node type as the palette lists it and the canvas draws it; <see cref="Defaults"/> is a new node's config.</summary>
public sealed record EditorNodeType(
    string Id,
    string Label,
    NodeCategory Category,
    string Color,
    string Icon,
    string Description,
    bool Available,
    JsonElement Defaults)
{
    public static IReadOnlyList<EditorNodeType> From(NodeTypeRegistry registry) =>
        registry.All
            .OrderBy(t => t.Category).ThenBy(t => t.Label, StringComparer.Ordinal)
            .Select(t => new EditorNodeType(t.Id, t.Label, t.Category, t.Color, NodeIcons.For(t.Icon), t.Description,
                t.IsAvailable, NodeTypeSchemas.For(t).Defaults))
            .ToList();

    /// <summary>The palette's group headings, in the spec's order.</summary>
    public static string CategoryName(NodeCategory category) => category switch
    {
        NodeCategory.CoreOrchestration => "Core orchestration",
        NodeCategory.AiIntelligence => "AI & intelligence",
        NodeCategory.Integration => "Integration",
        NodeCategory.FlowControl => "Flow control",
        NodeCategory.Operations => "Operations",
        _ => category.ToString(),
    };
}
