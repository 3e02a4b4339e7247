using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Web.Common;

namespace Zygo.Web.Workflows;

/// <summary>
/// A workflow as a file: the contract's shape <c>{ name, description, nodes, edges }</c>. Import checks what the
/// editor needs to draw the graph (every node an object with a string id and type, every edge naming a source and a
/// target that exist) and says exactly what is wrong; what the nodes mean is the engine's validator's job.
/// </summary>
public sealed record WorkflowDocument(string Name, string? Description, string NodesJson, string EdgesJson)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    private const string Field = "file";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static WorkflowDocument From(WorkflowDetail workflow, string nodesJson, string edgesJson) =>
        new(workflow.Name, workflow.Description, nodesJson, edgesJson);

    public string ToJson()
    {
        var root = new JsonObject
        {
            ["name"] = Name,
            ["description"] = Description,
            ["nodes"] = JsonNode.Parse(NodesJson),
            ["edges"] = JsonNode.Parse(EdgesJson),
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>Reads an exported workflow; throws <see cref="InputValidationException"/> naming the first problem.</summary>
    public static WorkflowDocument Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw Problem("The file is empty.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw Problem($"The file is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
        }

        if (root is not JsonObject obj)
        {
            throw Problem("A workflow file is a JSON object with \"nodes\" and \"edges\".");
        }

        var nodes = RequireArray(obj, "nodes");
        var edges = obj["edges"] is null ? [] : RequireArray(obj, "edges");
        var ids = CheckNodes(nodes);
        CheckEdges(edges, ids);

        var name = obj["name"] is JsonValue n && n.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : "Imported workflow";
        var description = obj["description"] is JsonValue d && d.TryGetValue<string>(out var text) ? text : null;
        return new WorkflowDocument(name, description, nodes.ToJsonString(), edges.ToJsonString());
    }

    private static JsonArray RequireArray(JsonObject obj, string member) => obj[member] switch
    {
        JsonArray array => array,
        null => throw Problem($"The workflow has no \"{member}\" list."),
        _ => throw Problem($"\"{member}\" must be a list (a JSON array)."),
    };

    private static HashSet<string> CheckNodes(JsonArray nodes)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not JsonObject node)
            {
                throw Problem($"nodes[{i}] must be an object.");
            }

            var id = RequireString(node, "id", $"nodes[{i}]");
            RequireString(node, "type", $"Node '{id}'");
            if (!ids.Add(id))
            {
                throw Problem($"Two nodes have the id '{id}'.");
            }

            if (node["position"] is { } position &&
                (position is not JsonObject p || !IsNumber(p["x"]) || !IsNumber(p["y"])))
            {
                throw Problem($"Node '{id}' has a position that is not {{\"x\": number, \"y\": number}}.");
            }

            if (node["config"] is { } config && config is not JsonObject)
            {
                throw Problem($"Node '{id}' has a config that is not an object.");
            }
        }

        return ids;
    }

    private static void CheckEdges(JsonArray edges, HashSet<string> ids)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            if (edges[i] is not JsonObject edge)
            {
                throw Problem($"edges[{i}] must be an object.");
            }

            foreach (var end in new[] { "source", "target" })
            {
                var id = RequireString(edge, end, $"edges[{i}]");
                if (!ids.Contains(id))
                {
                    throw Problem($"edges[{i}] has the {end} '{id}', which is not a node in the file.");
                }
            }
        }
    }

    private static string RequireString(JsonObject obj, string member, string where) =>
        obj[member] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
            ? s
            : throw Problem($"{where} needs a text \"{member}\".");

    private static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    private static InputValidationException Problem(string message) => new(Field, message);
}
