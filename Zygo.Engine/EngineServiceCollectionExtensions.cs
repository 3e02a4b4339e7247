using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Execution.Recording;
using Zygo.Engine.Execution.Service;
using Zygo.Engine.Generation;
using Zygo.Engine.Generation.Optimization;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Code.Python;
using Zygo.Engine.Validation;

namespace Zygo.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the engine and every node type in this assembly: adding a node type needs no other change.</summary>
    public static IServiceCollection AddZygoEngine(this IServiceCollection services)
    {
        var nodeTypes = typeof(INodeType).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INodeType).IsAssignableFrom(t));
        foreach (var type in nodeTypes)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(INodeType), type));
        }

        services.AddSingleton<NodeTypeRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ExecutionEventBus>();
        services.AddSingleton<FlowRunner>();
        services.AddSingleton<GraphValidator>();
        services.AddSingleton<PreparedGraphCache>();
        services.AddSingleton<RunRecordQueue>();
        services.AddSingleton<ExecutionCancellations>();
        services.AddSingleton<WorkflowExecutor>();
        services.AddSingleton<TenantVariables>();
        services.AddSingleton<NodeTester>();
        services.AddSingleton<PythonLauncher>();
        services.AddOptions<CodeOptions>();
        services.TryAddSingleton<LlmOptions>();
        services.AddSingleton<ChatClientFactory>();
        services.AddSingleton<EmbeddingGeneratorFactory>();
        services.AddSingleton<WorkflowProposal>();
        services.AddSingleton<GenerationInstructions>();
        services.AddSingleton<WorkflowGenerator>();
        services.AddSingleton<NodeConfigGenerator>();
        services.AddSingleton<WorkflowOptimizer>();
        services.AddHttpClient();
        return services;
    }
}
