using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine;
using Zygo.Engine.Execution;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Tests.Engine;

/// <summary>Runs one node type directly, as the runner would, with a config, an input and optional variables.</summary>
public sealed class NodeHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public NodeHarness(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddZygoEngine();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public T NodeType<T>() where T : INodeType => _services.GetServices<INodeType>().OfType<T>().Single();

    /// <param name="execution">The run the node belongs to (tenant, workflow, execution); a random one when null.</param>
    public Task<NodeOutcome> RunAsync<T>(JsonObject config, JsonNode? input = null, IReadOnlyDictionary<string, string>? env = null,
        CancellationToken cancellationToken = default, ExecutionInfo? execution = null) where T : INodeType =>
        RunAsync(NodeType<T>(), config, input, env, cancellationToken, execution);

    public async Task<NodeOutcome> RunAsync(INodeType type, JsonObject config, JsonNode? input = null,
        IReadOnlyDictionary<string, string>? env = null, CancellationToken cancellationToken = default, ExecutionInfo? execution = null)
    {
        var node = new GraphNode { Id = "node-under-test", Type = type.Id, Label = "Node under test", Config = config };
        var scope = new TemplateScope(input, env);
        var context = new NodeContext(node, input, scope, execution ?? new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()),
            _services, Logs.Add);
        return await type.ExecuteAsync(context, cancellationToken);
    }

    public List<string> Logs { get; } = [];

    public void Dispose() => _services.Dispose();
}
