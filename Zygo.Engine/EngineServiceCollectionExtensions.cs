using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zygo.Engine.Nodes;

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
        services.AddHttpClient();
        return services;
    }
}
