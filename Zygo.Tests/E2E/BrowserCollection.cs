namespace Zygo.Tests.E2E;

/// <summary>Browser tests run one at a time: each starts Chromium, and two cores do not carry several well.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
