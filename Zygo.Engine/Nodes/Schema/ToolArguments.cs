using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Schema;

/// <summary>Builds the JSON schema of a node type's tool arguments (<see cref="INodeType.ArgumentSchema"/>).</summary>
public static class ToolArguments
{
    public static JsonObject Schema(params ToolArgument[] arguments)
    {
        var properties = new JsonObject();
        foreach (var argument in arguments)
        {
            var property = new JsonObject { ["type"] = argument.Type, ["description"] = argument.Description };
            if (argument.Values is { } values)
            {
                property["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
            }

            properties[argument.Name] = property;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(arguments.Where(a => a.Required).Select(a => (JsonNode?)a.Name).ToArray()),
        };
    }
}
