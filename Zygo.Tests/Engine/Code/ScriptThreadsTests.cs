using Zygo.Engine.Nodes.Code;

namespace Zygo.Tests.Engine.Code;

public sealed class ScriptThreadsTests
{
    /// <summary>Fresh on every new thread, so a value above 1 shows a thread that ran an earlier script.</summary>
    [ThreadStatic]
    private static int _scriptsOnThisThread;

    [Fact]
    public async Task Scripts_run_off_the_thread_pool_and_a_finished_thread_is_reused()
    {
        var onPool = await ScriptThreads.RunAsync(() => Thread.CurrentThread.IsThreadPoolThread);
        var counts = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            counts.Add(await ScriptThreads.RunAsync(() => ++_scriptsOnThisThread));
        }

        onPool.Should().BeFalse();
        counts.Should().Contain(count => count > 1, "a thread that finished a script takes the next one instead of a new thread starting");
    }

    [Fact]
    public async Task A_busy_script_does_not_hold_up_another()
    {
        using var release = new ManualResetEventSlim();
        var busy = ScriptThreads.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)));

        var other = await ScriptThreads.RunAsync(() => 42).WaitAsync(TimeSpan.FromSeconds(10));
        release.Set();

        other.Should().Be(42);
        (await busy).Should().BeTrue();
    }

    [Fact]
    public async Task Failures_and_cancellations_reach_the_caller_as_they_were_thrown()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var failing = () => ScriptThreads.RunAsync<int>(() => throw new InvalidOperationException("script broke"));
        var cancelling = () => ScriptThreads.RunAsync<int>(() => throw new OperationCanceledException(cancelled.Token));

        await failing.Should().ThrowAsync<InvalidOperationException>().WithMessage("script broke");
        (await cancelling.Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cancelled.Token);
    }
}
