using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Generation;
using Zygo.Engine.Graph;
using Zygo.Engine.Validation;
using Zygo.Tests.Engine.Agent;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Generation;

/// <summary>The engine's generation services (real registry, validator, model clients), with the model choices tests use.</summary>
public sealed class GenerationHarness : IDisposable
{
    private readonly AgentHarness _engine = new();

    public static readonly Guid Tenant = Guid.NewGuid();

    public static ModelChoice Offline { get; } = new(null, null, null, null);

    /// <summary>The scripted server through the real OpenAI client (an OpenAI-compatible endpoint needs no key).</summary>
    public static ModelChoice Scripted(ScriptedModelServer server) => new("openai_compatible", "gpt-test", server.OpenAiEndpoint, null);

    public T Get<T>() where T : notnull => _engine.Services.GetRequiredService<T>();

    public IReadOnlyList<ValidationProblem> Validate(GeneratedWorkflow workflow) => Get<GraphValidator>().Validate(workflow.Graph);

    public static GraphNode Node(GeneratedWorkflow workflow, string type) => workflow.Nodes.First(n => n.Type == type);

    public void Dispose() => _engine.Dispose();
}
