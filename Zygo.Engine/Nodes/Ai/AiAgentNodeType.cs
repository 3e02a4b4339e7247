using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Agent;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>The AI Agent: runs the decision loop over the nodes wired to it (see <see cref="AgentLoop"/>).</summary>
public sealed class AiAgentNodeType : NodeType<AIAgentConfigData>
{
    public override string Id => "ai_agent";
    public override string Label => "AI Agent";
    public override NodeCategory Category => NodeCategory.CoreOrchestration;
    public override string Icon => "Brain";
    public override string Color => "#7C3AED";
    public override string Description => "Central orchestration hub - the \"brain\" of every workflow";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("message", "string", "The task or question for the agent.", Required: true));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, AIAgentConfigData config, CancellationToken cancellationToken)
    {
        var model = await context.Services.GetRequiredService<ChatClientFactory>().CreateAsync(context, config, "apiKey", cancellationToken);
        var toolset = AgentToolset.Build(context.Tools, context.Services.GetRequiredService<NodeTypeRegistry>());
        if (toolset.Unavailable.Count > 0)
        {
            context.Log($"Not offered as tools (their node types cannot run yet): {string.Join(", ", toolset.Unavailable)}.");
        }

        var transcript = new AgentTranscript(context);
        var request = AgentRequest.From(context.Input);
        var planner = ResultSynthesizer.PlannerOf(context, request.Planning);
        var synthesizer = new ResultSynthesizer(context, transcript, config.EnableStreaming);
        var result = await new AgentLoop(model, config, toolset, transcript,
            planner is null ? null : (draft, ct) => synthesizer.CombineAsync(planner, request, draft, ct)).RunAsync(request, cancellationToken);
        var output = new JsonObject
        {
            ["answer"] = result.Answer,
            ["status"] = result.Status,
            ["offline"] = model.IsOffline,
            ["provider"] = JsonSerializer.SerializeToNode(model.Provider, EngineJson.Options),
            ["model"] = model.Model,
            ["agentType"] = JsonSerializer.SerializeToNode(config.AgentType, EngineJson.Options),
            ["iterations"] = result.Iterations,
            ["toolCalls"] = transcript.ToolCalls,
            ["usage"] = new JsonObject { ["inputTokens"] = transcript.InputTokens, ["outputTokens"] = transcript.OutputTokens },
        };
        if (result.DraftAnswer is not null)
        {
            output["draftAnswer"] = result.DraftAnswer;
        }

        if (toolset.Unavailable.Count > 0)
        {
            output["unavailableTools"] = new JsonArray(toolset.Unavailable.Select(u => (JsonNode?)u).ToArray());
        }

        if (config.ReturnIntermediateSteps)
        {
            output["steps"] = transcript.Steps.DeepClone();
        }

        return NodeOutcome.Of(output);
    }
}
