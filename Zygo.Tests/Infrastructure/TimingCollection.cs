namespace Zygo.Tests.Infrastructure;

/// <summary>
/// Tests that assert wall-clock bounds (timeouts, cancellation within a second, branches overlapping). They run on
/// their own, after the parallel ones, so the clock measures the code under test and not the rest of the suite
/// competing for two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
