using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Flow;
using Zygo.Engine.Execution.Recording;
using static Zygo.Tests.Engine.Runner.RunnerHarness;

namespace Zygo.Tests.Engine.Recording;

/// <summary>
/// A node that passes a secret on leaves no trace of it in the records, the events or the run's output, while the
/// next node still receives the real value.
/// </summary>
public sealed class SecretMaskingTests
{
    private const string Secret = "tok_live_9f8e7d6c5b";

    [Fact]
    public async Task Secrets_are_masked_in_records_events_and_output_but_flow_between_nodes()
    {
        using var harness = new NodeHarness();
        var graph = Graph([Node("start", "trigger"),
                Node("leak", "code", new() { ["language"] = "javascript", ["code"] = "console.log('using {{API_TOKEN}}'); return { token: '{{API_TOKEN}}' };" }),
                Node("use", "code", new() { ["language"] = "javascript", ["code"] = "return { length: input.token.length, echo: input.token };" })],
            Edge("start", "leak"), Edge("leak", "use"));
        var execution = new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        using var subscription = harness.Services.GetRequiredService<ExecutionEventBus>().Subscribe(e => e.ExecutionId == execution.ExecutionId);

        var result = await harness.Services.GetRequiredService<FlowRunner>().RunAsync(graph, new RunRequest(execution, null,
            new Dictionary<string, string> { ["API_TOKEN"] = Secret }, harness.Services), CancellationToken.None);
        var events = new List<ExecutionEvent>();
        while (subscription.Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        result.Output!["length"]!.GetValue<double>().Should().Be(Secret.Length, "the next node got the real value");
        result.Output["echo"]!.GetValue<string>().Should().Be(SecretMask.Replacement);
        var recorded = string.Join("\n", result.Nodes.Select(n => $"{n.Input?.ToJsonString()} {n.Output?.ToJsonString()} {n.Error}"));
        recorded.Should().NotContain(Secret).And.Contain(SecretMask.Replacement);
        var streamed = string.Join("\n", events.Select(e => $"{e.Output?.ToJsonString()} {e.Error} {e.Message}"));
        streamed.Should().NotContain(Secret).And.Contain("using ***");
    }

    [Fact]
    public void Short_values_are_left_alone_and_longer_secrets_win_over_shorter_ones_inside_them()
    {
        var mask = new SecretMask(["abc", "secret", "secret-extended"]);

        mask.Apply("abc secret-extended secret").Should().Be("abc *** ***");
        var tree = JsonNode.Parse("""{"a":["x secret y",{"b":"secret-extended"}],"n":5}""");
        mask.ApplyInPlace(tree)!.ToJsonString().Should().Be("""{"a":["x *** y",{"b":"***"}],"n":5}""");
    }
}
