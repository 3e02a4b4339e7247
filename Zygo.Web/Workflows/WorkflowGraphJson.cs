using System.Text.Json;
using Zygo.Web.Common;

namespace Zygo.Web.Workflows;

/// <summary>
/// The storage-level check of a graph: nodes and edges must be JSON arrays of objects. The engine checks
/// what the nodes mean; this keeps garbage out of the table.
/// </summary>
public static class WorkflowGraphJson
{
    public const string EmptyArray = "[]";

    public static string Normalize(string? json, string field)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return EmptyArray;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputValidationException(field, $"'{field}' must be a JSON array.");
            }

            var index = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new InputValidationException(field, $"'{field}[{index}]' must be a JSON object.");
                }

                index++;
            }

            return doc.RootElement.GetRawText();
        }
        catch (JsonException ex)
        {
            throw new InputValidationException(field, $"'{field}' is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>The <c>{"nodes":[…],"edges":[…]}</c> document the editor works on, from the stored arrays.</summary>
    public static string Combine(string nodesJson, string edgesJson) => $"{{\"nodes\":{nodesJson},\"edges\":{edgesJson}}}";

    /// <summary>The stored arrays of an editor document; a missing member is an empty array.</summary>
    public static (string Nodes, string Edges) Split(string graphJson)
    {
        using var doc = JsonDocument.Parse(graphJson);
        string Member(string name) => doc.RootElement.TryGetProperty(name, out var value) ? value.GetRawText() : EmptyArray;
        return (Member("nodes"), Member("edges"));
    }

    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
