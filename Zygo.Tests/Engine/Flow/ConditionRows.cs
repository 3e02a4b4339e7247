using System.Text.Json.Nodes;

namespace Zygo.Tests.Engine.Flow;

/// <summary>Condition rows as a workflow stores them.</summary>
internal static class ConditionRows
{
    public static JsonObject Row(string id, string variable, string op, string value) => new()
    {
        ["id"] = id,
        ["variable"] = variable,
        ["operator"] = op,
        ["value"] = value,
    };
}
