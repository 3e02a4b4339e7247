namespace Zygo.Tests.E2E.Editor;

/// <summary>A big flow for load tests: a trigger and a chain of code nodes on a grid, plus skip edges up to the edge count.</summary>
public static class LargeGraph
{
    public static (object[] Nodes, object[] Edges) Build(int nodeCount, int edgeCount)
    {
        var nodes = Enumerable.Range(0, nodeCount).Select(i => (object)new
        {
            id = $"n{i}",
            type = i == 0 ? "trigger" : "code",
            label = i == 0 ? "Start" : $"Step {i}",
            description = $"Step {i} of the large workflow.",
            position = new { x = 40 + (i % 25) * 240, y = 40 + (i / 25) * 120 },
            config = i == 0 ? (object)new { triggerMode = "manual" } : new { language = "javascript", code = "return input;" },
        }).ToArray();
        var chain = Enumerable.Range(0, nodeCount - 1).Select(i => (Source: i, Target: i + 1));
        var skips = Enumerable.Range(0, nodeCount - 2).Where(i => i % 4 == 0).Select(i => (Source: i, Target: i + 2));
        var edges = chain.Concat(skips).Take(edgeCount)
            .Select((e, k) => (object)new { id = $"e{k}", source = $"n{e.Source}", target = $"n{e.Target}" }).ToArray();
        return (nodes, edges);
    }
}
