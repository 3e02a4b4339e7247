using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Execution.Recording;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Execution.Service;

/// <summary>
/// Runs one node with a sample input, outside any workflow, under the same policy (timeout, retries,
/// errorHandling) as in a run, and records nothing: for trying a configuration in the editor or over the API.
/// </summary>
public sealed class NodeTester(NodeTypeRegistry registry, IServiceScopeFactory scopes, TenantVariables variables, TimeProvider clock)
{
    /// <returns>Null when the node type is unknown.</returns>
    public async Task<NodeTestResult?> TestAsync(Guid tenantId, string type, JsonObject config, JsonNode? input, CancellationToken ct)
    {
        if (registry.Find(type) is not { } nodeType)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        Dictionary<string, string> env;
        await using (var db = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext())
        {
            env = await variables.LoadAsync(db, tenantId, [nodeType.WithDefaults(config)], ct);
        }

        var node = new GraphNode { Id = "test", Type = type, Label = nodeType.Label, Config = config };
        var logs = new List<string>();
        var context = new NodeContext(node, input, new TemplateScope(input, env),
            new ExecutionInfo(tenantId, Guid.Empty, Guid.NewGuid()), scope.ServiceProvider, message =>
            {
                lock (logs)
                {
                    logs.Add(message);
                }
            });
        var clockStart = Stopwatch.GetTimestamp();
        var run = await NodeInvoker.RunAsync(nodeType, context, NodePolicy.For(node), clock, ct);
        var status = run.Cancelled ? "cancelled" : run.Error is null ? "completed" : "failed";
        // Variables are write-only: a dry run must not read one back either.
        var mask = new SecretMask(env.Values);
        return new NodeTestResult(status, mask.ApplyInPlace(run.Outcome?.Output?.DeepClone()), mask.Apply(run.Error), run.Attempts,
            Math.Round(Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds, 3), logs.Select(l => mask.Apply(l)!).ToList());
    }
}
