using System.Diagnostics;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes.Code;
using Zygo.Engine.Templating;

namespace Zygo.Tests.Engine.Code;

/// <summary>Configs and runs for the code node's tests.</summary>
internal static class CodeNode
{
    public static JsonObject JavaScript(string code) => new() { ["language"] = "javascript", ["code"] = code };

    public static JsonObject Python(string code) => new() { ["language"] = "python", ["code"] = code };

    public static async Task<JsonNode?> OutputAsync(this NodeHarness harness, JsonObject config, JsonNode? input = null) =>
        (await harness.RunAsync<CodeNodeType>(config, input)).Output;

    public static async Task<NodeFailedException> FailureAsync(this NodeHarness harness, JsonObject config, JsonNode? input = null)
    {
        var run = () => harness.RunAsync<CodeNodeType>(config, input);
        return (await run.Should().ThrowAsync<NodeFailedException>()).Which;
    }

    /// <summary>The harness has no run variables, so this builds the context itself, with <paramref name="vars"/>.</summary>
    public static async Task<JsonNode?> OutputWithVarsAsync(this NodeHarness harness, JsonObject config, JsonNode? input, JsonObject vars)
    {
        var node = new GraphNode { Id = "code-under-test", Type = "code", Label = "Code under test", Config = config };
        var context = new NodeContext(node, input, new TemplateScope(input, vars: vars),
            new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()), harness.Services, harness.Logs.Add);
        return (await harness.NodeType<CodeNodeType>().ExecuteAsync(context, CancellationToken.None)).Output;
    }

    /// <summary>Cancels the token after <paramref name="delay"/>; returns how long the node took to give up after that.</summary>
    public static async Task<TimeSpan> StopDelayAfterCancelAsync(this NodeHarness harness, JsonObject config, TimeSpan delay)
    {
        using var cancellation = new CancellationTokenSource(delay);
        var watch = Stopwatch.StartNew();
        var run = () => harness.RunAsync<CodeNodeType>(config, cancellationToken: cancellation.Token);
        await run.Should().ThrowAsync<OperationCanceledException>();
        return watch.Elapsed - delay;
    }

    /// <summary>How long the node ran before failing with the timeout, and the failure.</summary>
    public static async Task<(TimeSpan Elapsed, NodeFailedException Failure)> TimedFailureAsync(this NodeHarness harness, JsonObject config)
    {
        var watch = Stopwatch.StartNew();
        var failure = await harness.FailureAsync(config);
        return (watch.Elapsed, failure);
    }
}
