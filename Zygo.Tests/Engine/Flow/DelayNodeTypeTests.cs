using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Flow;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Flow;

[Collection(TimingCollection.Name)]
public sealed class DelayNodeTypeTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Waits_the_duration_and_passes_an_object_input_on_with_the_time_waited()
    {
        var stopwatch = Stopwatch.StartNew();

        var outcome = await _harness.RunAsync<DelayNodeType>(new JsonObject { ["duration"] = 0.2, ["unit"] = "seconds" }, new JsonObject { ["orderId"] = 7 });

        stopwatch.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(190);
        outcome.Output!["orderId"]!.GetValue<int>().Should().Be(7);
        outcome.Output["waitedMs"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(190);
    }

    [Fact]
    public async Task Passes_any_other_input_on_as_data()
    {
        var outcome = await _harness.RunAsync<DelayNodeType>(new JsonObject { ["duration"] = 0 }, new JsonArray(1, 2));

        JsonNode.DeepEquals(outcome.Output!["data"], new JsonArray(1, 2)).Should().BeTrue();
        outcome.Output["waitedMs"]!.GetValue<long>().Should().BeLessThan(100);
    }

    [Fact]
    public async Task Stops_waiting_promptly_when_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var stopwatch = Stopwatch.StartNew();

        var act = () => _harness.RunAsync<DelayNodeType>(new JsonObject { ["duration"] = 30 }, new JsonObject(), cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.1), "it stops within a second of the cancel at 100 ms, not after 30 s");
    }

    [Theory]
    [InlineData(-1, "seconds")]
    [InlineData(31, "days")]
    [InlineData(43_201, "minutes")]
    public async Task A_negative_or_longer_than_30_days_duration_is_a_config_error(double duration, string unit)
    {
        var act = () => _harness.RunAsync<DelayNodeType>(new JsonObject { ["duration"] = duration, ["unit"] = unit }, new JsonObject());

        var error = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        error.Message.Should().Contain($"{duration.ToString(CultureInfo.InvariantCulture)} {unit}").And.Contain("between 0 and 30 days");
        error.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Waits_until_a_time()
    {
        var until = DateTimeOffset.UtcNow.AddMilliseconds(300).ToString("O", CultureInfo.InvariantCulture);
        var stopwatch = Stopwatch.StartNew();

        await _harness.RunAsync<DelayNodeType>(new JsonObject { ["until"] = until, ["duration"] = 30 }, new JsonObject());

        stopwatch.ElapsedMilliseconds.Should().BeInRange(200, 5_000);
    }

    [Fact]
    public async Task A_time_already_past_does_not_wait()
    {
        var outcome = await _harness.RunAsync<DelayNodeType>(new JsonObject { ["until"] = "2001-01-01T00:00:00Z", ["duration"] = 30 }, new JsonObject());

        outcome.Output!["waitedMs"]!.GetValue<long>().Should().BeLessThan(100);
    }

    [Fact]
    public async Task A_time_taken_from_the_input_is_used()
    {
        var outcome = await _harness.RunAsync<DelayNodeType>(new JsonObject { ["until"] = "{{input.sendAt}}", ["duration"] = 30 },
            new JsonObject { ["sendAt"] = "2001-01-01T00:00:00Z" });

        outcome.Output!["waitedMs"]!.GetValue<long>().Should().BeLessThan(100);
    }

    [Theory]
    [InlineData("next tuesday", "not a date and time")]
    [InlineData("2999-01-01T00:00:00Z", "more than 30 days ahead")]
    [InlineData("{{input.sendAt}}", "resolved to nothing")]
    public async Task A_bad_until_is_a_config_error(string until, string message)
    {
        var act = () => _harness.RunAsync<DelayNodeType>(new JsonObject { ["until"] = until }, new JsonObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain(until).And.Contain(message);
    }

    [Fact]
    public void The_type_is_registered_as_the_spec_names_it()
    {
        var type = _harness.Services.GetRequiredService<NodeTypeRegistry>().Find("delay");

        type.Should().BeOfType<DelayNodeType>();
        (type!.Label, type.Category, type.Icon).Should().Be(("Delay", NodeCategory.FlowControl, "Clock"));
    }
}
