using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes;

namespace Zygo.Tests.Engine.Catalogue;

/// <summary>The AI types are in the catalogue but cannot run until their handlers land: running one says so.</summary>
public sealed class PendingAiNodeTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [MemberData(nameof(SpecNodeTypes.PendingAi), MemberType = typeof(SpecNodeTypes))]
    public async Task Running_one_fails_with_not_available_yet(string id)
    {
        var type = _harness.Services.GetRequiredService<NodeTypeRegistry>().Find(id)!;

        var act = () => _harness.RunAsync(type, new JsonObject(), new JsonObject { ["prompt"] = "hello" });

        var failure = (await act.Should().ThrowAsync<NodeNotAvailableException>()).Which;
        failure.Message.Should().Be($"The '{id}' node is not available yet in this version of Zygo.");
        failure.Retryable.Should().BeFalse();
        type.IsAvailable.Should().BeFalse();
    }
}
