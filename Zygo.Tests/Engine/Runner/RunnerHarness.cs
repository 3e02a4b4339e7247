using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine;
using Zygo.Engine.Execution;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Loop;

namespace Zygo.Tests.Engine.Runner;

/// <summary>A <see cref="FlowRunner"/> over the test node types plus the real loop, and a tiny graph builder.</summary>
public sealed class RunnerHarness
{
    public ExecutionEventBus Events { get; } = new();

    public FlowRunner Runner { get; }

    public RunnerHarness()
    {
        var registry = new NodeTypeRegistry(
        [
            new TestNodeTypes.Start(), new TestNodeTypes.Emit(), new TestNodeTypes.Fail(), new TestNodeTypes.Branch(),
            new TestNodeTypes.Twice(), new LoopNodeType(),
        ]);
        Runner = new FlowRunner(registry, Events, TimeProvider.System);
    }

    public Task<RunResult> RunAsync(WorkflowGraph graph, JsonNode? input = null, CancellationToken ct = default) =>
        Runner.RunAsync(graph, new RunRequest(new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()), input,
            new Dictionary<string, string>(), new ServiceCollection().BuildServiceProvider()), ct);

    public static GraphNode Node(string id, string type, JsonObject? config = null) =>
        new() { Id = id, Type = type, Label = id, Config = config ?? [] };

    public static GraphEdge Edge(string source, string target, string? handle = null) =>
        new() { Id = $"{source}->{target}", Source = source, Target = target, SourceHandle = handle };

    public static WorkflowGraph Graph(IEnumerable<GraphNode> nodes, params GraphEdge[] edges) => new(nodes.ToList(), edges);
}
