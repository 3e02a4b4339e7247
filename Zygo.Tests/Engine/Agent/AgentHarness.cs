using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine;
using Zygo.Engine.Execution;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Graph;
using Zygo.Engine.Llm;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Agent;

/// <summary>
/// Runs workflows with an AI Agent through the real runner and node types, with provider retries shortened for
/// tests; collects the run's events. Graph helpers build trigger → agent with tools wired to it.
/// </summary>
public sealed class AgentHarness : IDisposable
{
    public const string AgentId = "agent";
    public const string AgentLabel = "Agent";

    private readonly ServiceProvider _services;

    /// <param name="services">Extra services, e.g. a database for the memory nodes.</param>
    public AgentHarness(Action<LlmOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var options = new LlmOptions
        {
            FirstBackoff = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 2,
        };
        configure?.Invoke(options);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(options);
        collection.AddZygoEngine();
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    /// <param name="execution">The run (tenant, workflow, execution); a random one when null.</param>
    public async Task<AgentRun> RunAsync(WorkflowGraph graph, JsonNode? input, CancellationToken ct = default, ExecutionInfo? execution = null)
    {
        execution ??= new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        using var subscription = _services.GetRequiredService<ExecutionEventBus>().Subscribe(e => e.ExecutionId == execution.ExecutionId);
        var logs = new List<string>();
        var result = await _services.GetRequiredService<FlowRunner>().RunAsync(graph,
            new RunRequest(execution, input, new Dictionary<string, string>(), _services), ct);
        var events = new List<ExecutionEvent>();
        while (subscription.Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return new AgentRun(result, events);
    }

    /// <summary>An agent talking to the scripted server through the real OpenAI client.</summary>
    public static JsonObject OpenAiConfig(ScriptedModelServer server, string agentType = "tools", bool streaming = false) => new()
    {
        ["provider"] = "openai",
        ["model"] = "gpt-test",
        ["endpoint"] = server.OpenAiEndpoint,
        ["apiKey"] = "sk-test-key",
        ["agentType"] = agentType,
        ["systemPrompt"] = "You are a test agent.",
        ["temperature"] = 0.2,
        ["maxTokens"] = 300,
        ["maxIterations"] = 6,
        ["toolTimeout"] = 10000,
        ["returnIntermediateSteps"] = true,
        ["enableStreaming"] = streaming,
    };

    /// <summary>trigger → agent, and agent → each tool, plus any extra edges (e.g. a tool's downstream flow).</summary>
    public static WorkflowGraph Graph(JsonObject agentConfig, IEnumerable<GraphNode> tools, params GraphEdge[] extraEdges)
    {
        var toolList = tools.ToList();
        List<GraphNode> nodes =
        [
            new() { Id = "trigger", Type = "trigger", Label = "Start" },
            new() { Id = AgentId, Type = "ai_agent", Label = AgentLabel, Config = agentConfig },
            .. toolList,
        ];
        List<GraphEdge> edges = [Edge("trigger", AgentId), .. toolList.Select(t => Edge(AgentId, t.Id)), .. extraEdges];
        return new WorkflowGraph(nodes, edges);
    }

    public static GraphNode CodeTool(string id, string label, string description, string code) => new()
    {
        Id = id,
        Type = "code",
        Label = label,
        Description = description,
        Config = new JsonObject { ["language"] = "javascript", ["code"] = code, ["timeout"] = 5 },
    };

    public static GraphNode DelayTool(string id, string label, double seconds) => new()
    {
        Id = id,
        Type = "delay",
        Label = label,
        Description = $"Waits {seconds} s.",
        Config = new JsonObject { ["duration"] = seconds, ["unit"] = "seconds" },
    };

    public static GraphEdge Edge(string source, string target) => new() { Id = $"{source}->{target}", Source = source, Target = target };

    public void Dispose() => _services.Dispose();
}

/// <summary>A finished run with its events.</summary>
public sealed record AgentRun(RunResult Result, IReadOnlyList<ExecutionEvent> Events)
{
    public JsonObject AgentOutput => Result.Nodes.Single(n => n.NodeId == AgentHarness.AgentId).Output!.AsObject();

    public JsonArray Steps => AgentOutput["steps"]!.AsArray();

    public IEnumerable<JsonObject> StepsOf(string type) => Steps.OfType<JsonObject>().Where(s => s["type"]!.GetValue<string>() == type);
}
