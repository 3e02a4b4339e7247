using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Graph;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Ai;
using Zygo.Engine.Planning;

namespace Zygo.Engine.Agent;

/// <summary>
/// The last step of an agent run after a Planner with a synthesizer: the synthesizer model, opened from that Planner's
/// config in the graph (its key read and audited as the Planner's), turns the plan, the steps' results and the
/// agent's draft into the final answer. A synthesizer that fails is recorded as a failed step and the draft stands:
/// the agent's work is done, so the run does not fail for its last polish.
/// </summary>
public sealed class ResultSynthesizer(NodeContext context, AgentTranscript transcript, bool streaming)
{
    private const float Temperature = 0.2f;

    /// <summary>The Planner node whose synthesizer the brief names, when it is one in this workflow (else says so in the log).</summary>
    public static GraphNode? PlannerOf(NodeContext context, PlanBrief? brief)
    {
        if (brief?.SynthesizerNodeId is not { } id)
        {
            return null;
        }

        if (context.Graph?.Find(id) is { Type: GraphRegions.PlannerType } node)
        {
            return node;
        }

        context.Log($"The plan names the synthesizer of node '{id}', which is not a Planner of this workflow: the agent's own answer stands.");
        return null;
    }

    /// <summary>The final answer: the synthesizer's, or <paramref name="draft"/> when it failed.</summary>
    public async Task<string> CombineAsync(GraphNode planner, AgentRequest request, string draft, CancellationToken ct)
    {
        var plannerContext = context.For(planner);
        ModelConnection? connection = null;
        ChatModel? model = null;
        try
        {
            connection = plannerContext.BindConfig<PlannerConfigData>().Synthesizer;
            model = await context.Services.GetRequiredService<ChatClientFactory>().CreateAsync(plannerContext, connection, "synthesizer.apiKey", ct);
            if (model.IsOffline)
            {
                var combined = OfflineSynthesis.Combine(transcript.Observations, draft);
                transcript.Synthesis(new SynthesisRecord(planner.Id, model.Provider, model.Model, combined, null));
                return combined;
            }

            var messages = SynthesisPrompt.Messages(request.Message, request.Planning!.Plan, transcript.Observations, draft);
            var options = new ChatOptions { ModelId = model.Model, Temperature = Temperature };
            var (response, latencyMs) = await ModelTurn.AskAsync(model.Client, messages, options, streaming ? transcript.Token : null, ct);
            transcript.Synthesis(new SynthesisRecord(planner.Id, model.Provider, model.Model, response.Text, null)
            {
                TokensIn = response.Usage?.InputTokenCount,
                TokensOut = response.Usage?.OutputTokenCount,
                LatencyMs = latencyMs,
            });
            return string.IsNullOrWhiteSpace(response.Text) ? draft : response.Text;
        }
        catch (NodeFailedException ex)
        {
            context.Log($"The synthesizer of '{planner.DisplayName}' failed, so the agent's draft is the answer: {ex.Message}");
            transcript.Synthesis(new SynthesisRecord(planner.Id, model?.Provider ?? connection?.Provider, model?.Model ?? connection?.Model, null, ex.Message));
            return draft;
        }
    }
}
