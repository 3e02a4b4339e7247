using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Agent;

/// <summary>A test class whose agents talk to a scripted model server: a fresh server and harness for each test.</summary>
public abstract class ScriptedAgentTest : IAsyncLifetime
{
    protected ScriptedModelServer Model { get; } = new();

    protected AgentHarness Harness { get; } = new();

    public virtual Task InitializeAsync() => Model.InitializeAsync();

    public virtual async Task DisposeAsync()
    {
        Harness.Dispose();
        await Model.DisposeAsync();
    }
}
