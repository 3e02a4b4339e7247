using System.Text.Json.Nodes;

namespace Zygo.Tests.Engine.Data;

/// <summary>Data Source configs as the editor stores them (camelCase JSON), on SQLite unless a test changes the provider.</summary>
public static class DataTestConfigs
{
    public static JsonObject Config(string connectionString, string sql, string operation = "query", params (string Name, JsonNode? Value)[] parameters) =>
        new()
        {
            ["provider"] = "sqlite",
            ["connectionString"] = connectionString,
            ["operation"] = operation,
            ["sql"] = sql,
            ["parameters"] = new JsonArray(parameters
                .Select(p => (JsonNode?)new JsonObject { ["name"] = p.Name, ["value"] = p.Value?.DeepClone() })
                .ToArray()),
        };
}
