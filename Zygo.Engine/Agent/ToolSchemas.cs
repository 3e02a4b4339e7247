using System.Text.Json.Nodes;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Agent;

/// <summary>
/// The argument schema of a node offered as a tool: its type's schema from the registry, plus one string argument
/// for each <c>{{input.x}}</c> its config refers to, since inside a tool call <c>input</c> is what the model passed.
/// </summary>
public static class ToolSchemas
{
    public static JsonObject For(GraphNode node, INodeType type)
    {
        var schema = (JsonObject)type.ArgumentSchema.DeepClone();
        if (schema["properties"] is not JsonObject properties)
        {
            schema["properties"] = properties = [];
        }

        foreach (var name in InputReferences(node.Config))
        {
            if (!properties.ContainsKey(name))
            {
                properties[name] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = $"Fills {{{{input.{name}}}}} in the node's settings.",
                };
            }
        }

        return schema;
    }

    private static IEnumerable<string> InputReferences(JsonNode config) =>
        JsonStrings.All(config).SelectMany(TemplateResolver.References)
            .Select(TemplatePath.Split)
            .Where(s => s is { Count: >= 2 } && s[0] == "input")
            .Select(s => s![1])
            .Distinct(StringComparer.Ordinal);
}
