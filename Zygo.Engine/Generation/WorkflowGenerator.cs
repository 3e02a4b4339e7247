using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;

namespace Zygo.Engine.Generation;

/// <summary>
/// Turns a prompt into a workflow that passes the Engine's validation. With a model: structured output checked by
/// <see cref="WorkflowProposal"/>, the problems fed back for up to <see cref="GenerationCall.MaxRepairs"/> repair rounds. Without
/// one: <see cref="OfflineWorkflowComposer"/>. Either way the nodes are laid out by <see cref="LayeredLayout"/>.
/// Nothing is saved.
/// </summary>
public sealed class WorkflowGenerator(ChatClientFactory factory, WorkflowProposal proposal, GenerationInstructions instructions,
    IServiceProvider services)
{
    /// <exception cref="NodeFailedException">The model could not be opened (bad provider or key variable).</exception>
    /// <exception cref="GenerationFailedException">The model failed, or its answer was still invalid after the repairs.</exception>
    public async Task<GenerationResult> GenerateAsync(Guid tenantId, string prompt, ModelChoice choice, CancellationToken ct)
    {
        var log = new List<string>();
        var model = await choice.OpenAsync(factory, tenantId, "workflow-generator", services, log.Add, ct);
        if (model.IsOffline)
        {
            var composed = OfflineWorkflowComposer.Compose(prompt);
            return new GenerationResult(composed with { Nodes = LayeredLayout.Arrange(composed.Graph) }, model, 0, log);
        }

        GeneratedWorkflow? accepted = null;
        Task<string?> Check(JsonNode? json, CancellationToken _)
        {
            var read = proposal.Read(json);
            accepted = read.Problems.Count == 0 ? read.Workflow : null;
            return Task.FromResult(read.Problems.Count == 0 ? null : "not a valid workflow: " + string.Join("; ", read.Problems.Select(p => p.TrimEnd('.'))));
        }

        var answer = await GenerationCall.AskAsync(model, instructions.Text, prompt, Check, log, ct);
        return new GenerationResult(accepted! with { Nodes = LayeredLayout.Arrange(accepted!.Graph) }, model, answer.Repairs, log);
    }
}

/// <summary>A generated workflow, the model that made it, how many repair rounds it took, and what happened on the way.</summary>
public sealed record GenerationResult(GeneratedWorkflow Workflow, ChatModel Model, int Repairs, IReadOnlyList<string> Log);
