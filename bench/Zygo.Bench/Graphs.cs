using System.Text.Json.Nodes;

namespace Zygo.Bench;

/// <summary>The workflows the benchmark runs.</summary>
public static class Graphs
{
    /// <summary>(a)/(b): manual trigger → code → conditional → filter → output.</summary>
    public static (string Nodes, string Edges) FiveNodeFlow() => Build(
        [
            Node("trigger", "trigger", new JsonObject { ["triggerMode"] = "manual" }),
            Node("score", "code", new JsonObject
            {
                ["language"] = "javascript",
                ["code"] = "return { items: input.items.map(x => ({ n: x, big: x > 2 })), total: input.items.length };",
            }),
            Node("check", "conditional", new JsonObject
            {
                ["evaluationMode"] = "all",
                ["conditions"] = new JsonArray(new JsonObject
                    { ["id"] = "c", ["variable"] = "nodes.score.output.total", ["operator"] = "greater_than", ["value"] = "0" }),
            }),
            Node("keep", "filter", new JsonObject
            {
                ["items"] = "{{nodes.score.output.items}}",
                ["conditions"] = new JsonArray(new JsonObject { ["id"] = "f", ["variable"] = "big", ["operator"] = "equals", ["value"] = "true" }),
            }),
            Node("output", "code", new JsonObject { ["language"] = "javascript", ["code"] = "return { kept: input.count };" }),
        ],
        [("trigger", "score", null), ("score", "check", null), ("check", "keep", "true"), ("keep", "output", null)]);

    /// <summary>(c): a trigger and a chain of <paramref name="length"/> zero-length delays (the cheapest real node).</summary>
    public static (string Nodes, string Edges) Chain(int length)
    {
        var nodes = new List<JsonObject> { Node("trigger", "trigger", new JsonObject { ["triggerMode"] = "manual" }) };
        var edges = new List<(string, string, string?)>();
        for (var i = 0; i < length; i++)
        {
            nodes.Add(Node($"n{i}", "delay", new JsonObject { ["duration"] = 0 }));
            edges.Add((i == 0 ? "trigger" : $"n{i - 1}", $"n{i}", null));
        }

        return Build(nodes, edges);
    }

    /// <summary>(d): a loop over <c>input.items</c> whose body is one zero-length delay.</summary>
    public static (string Nodes, string Edges) Loop() => Build(
        [
            Node("trigger", "trigger", new JsonObject { ["triggerMode"] = "manual" }),
            Node("each", "loop", new JsonObject { ["dataSource"] = "{{input.items}}", ["maxIterations"] = 100_000 }),
            Node("body", "delay", new JsonObject { ["duration"] = 0 }),
        ],
        [("trigger", "each", null), ("each", "body", "body")]);

    /// <summary>(e): an AI Agent on the OpenAI client at <paramref name="endpoint"/> with three code nodes as its tools.</summary>
    public static (string Nodes, string Edges) Agent(string endpoint) => Build(
        [
            Node("trigger", "trigger", new JsonObject { ["triggerMode"] = "manual" }),
            Node("agent", "ai_agent", new JsonObject
            {
                ["provider"] = "openai", ["model"] = "bench", ["endpoint"] = endpoint, ["apiKey"] = "bench-key",
                ["enableStreaming"] = false, ["maxIterations"] = 10,
            }),
            Node("tool_1", "code", new JsonObject { ["language"] = "javascript", ["code"] = "return { one: 1 };" }),
            Node("tool_2", "code", new JsonObject { ["language"] = "javascript", ["code"] = "return { two: 2 };" }),
            Node("tool_3", "code", new JsonObject { ["language"] = "javascript", ["code"] = "return { three: 3 };" }),
        ],
        [("trigger", "agent", null), ("agent", "tool_1", null), ("agent", "tool_2", null), ("agent", "tool_3", null)]);

    private static JsonObject Node(string id, string type, JsonObject config) =>
        new() { ["id"] = id, ["type"] = type, ["label"] = id, ["config"] = config };

    private static (string, string) Build(IEnumerable<JsonObject> nodes, IEnumerable<(string Source, string Target, string? Handle)> edges) =>
        (new JsonArray(nodes.Select(n => (JsonNode?)n).ToArray()).ToJsonString(),
         new JsonArray(edges.Select(e => (JsonNode?)new JsonObject
             { ["id"] = $"{e.Source}-{e.Target}", ["source"] = e.Source, ["target"] = e.Target, ["sourceHandle"] = e.Handle }).ToArray()).ToJsonString());
}
