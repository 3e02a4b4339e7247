using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Agent;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Schema;
using Zygo.Engine.Planning;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// Plans before an agent acts: turns the request (its <c>message</c> or <c>goal</c>) into a <see cref="Plan"/> by
/// structured output (one repair), or offline by <see cref="OfflinePlanner"/>. The output passes the request on with
/// the <see cref="PlanBrief"/> (plan, binding or advisory by <c>trustLlmThreshold</c>, and the synthesizer's node
/// reference), so an AI Agent downstream works from it. In <c>interactive</c> mode a plan with open questions, or
/// else below <c>minConfidence</c>, stops the flow: the output's <c>answer</c> asks the questions or for a confirmation
/// (the chat shows it). The next turn, whose conversation holds them and the reply, plans the original request with
/// the answers, or runs the plan the person confirmed.
/// </summary>
public sealed class PlannerNodeType : NodeType<PlannerConfigData>
{
    private const string Instructions = """
        You are a planner. Turn the user's goal into a plan an assistant with tools will carry out. Reply with only
        one JSON object: {"goal": string, "requirements": [string], "constraints": [string],
        "steps": [{"id": string, "description": string, "tool": string or null, "dependsOn": [step id]}],
        "clarifyingQuestions": [string], "confidence": integer 0-100}.
        Ask a clarifying question only about what you cannot reasonably assume, and none when the conversation
        already answers it.
        """;

    public override string Id => "planner";
    public override string Label => "Planner";
    public override NodeCategory Category => NodeCategory.CoreOrchestration;
    public override string Icon => "ListTodo";
    public override string Color => "#4F46E5";
    public override string Description => "AI-powered task planning and decomposition";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("goal", "string", "What the plan must achieve.", Required: true));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, PlannerConfigData config, CancellationToken cancellationToken)
    {
        var request = AgentRequest.From(context.Input);
        var message = context.Input?["goal"] is JsonValue g && g.TryGetValue<string>(out var text) ? text : request.Message;
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new NodeFailedException($"'{context.Node.DisplayName}' has no goal: give it an input with a 'message' or a 'goal'.");
        }

        List<ChatMessage> conversation = [.. request.History, new(ChatRole.User, message)];
        var dialogue = PlannerDialogue.Find(conversation);
        var model = await context.Services.GetRequiredService<ChatClientFactory>().CreateAsync(context, config.Planner, "planner.apiKey", cancellationToken);
        var plan = model.IsOffline
            ? OfflinePlanner.Make(dialogue?.Request ?? message, dialogue?.Answers ?? [], config)
            : await AskAsync(model, config, conversation, context, cancellationToken);
        plan = plan with { ClarifyingQuestions = plan.ClarifyingQuestions.Take(Math.Max(0, config.MaxQuestions)).ToList() };

        var gate = PlanGate.For(plan, dialogue, config);
        var output = new JsonObject
        {
            ["message"] = message,
            ["history"] = context.Input?["history"]?.DeepClone(),
            ["awaitingAnswers"] = gate.Ask is not null,
            ["offline"] = model.IsOffline,
            ["model"] = model.Model,
        };
        new PlanBrief(plan, gate.Authority, config.Synthesizer.Enabled ? context.Node.Id : null).WriteTo(output, config.Synthesizer);
        if (gate.Ask is { } ask)
        {
            context.Log($"Waiting for the person's reply to: {ask.Split('\n')[0]}");
            output["answer"] = ask;
            return NodeOutcome.Halt(output);
        }

        if (gate.Unconfirmed)
        {
            context.Log($"Warning: the plan's confidence ({plan.Confidence}) is below {config.MinConfidence}; proceeding unconfirmed as the mode is {Name(config.ExecutionMode)}.");
        }

        if (config.ExecutionMode != PlannerExecutionMode.Silent)
        {
            context.Log($"Plan ({Name(gate.Authority)}, confidence {plan.Confidence}): {string.Join(" → ", plan.Steps.Select(s => s.Description))}");
        }

        return NodeOutcome.Of(output);
    }

    private static string Name<T>(T value) => JsonSerializer.SerializeToNode(value, EngineJson.Options)!.GetValue<string>();

    private static async Task<Plan> AskAsync(ChatModel model, PlannerConfigData config, IReadOnlyList<ChatMessage> conversation,
        NodeContext context, CancellationToken ct)
    {
        var instructions = string.IsNullOrWhiteSpace(config.SystemPromptOverride) ? Instructions : config.SystemPromptOverride;
        List<ChatMessage> messages =
        [
            new(ChatRole.System, $"{instructions}\nList at least {config.MinRequirements} requirement(s) and {config.MinConstraints} constraint(s); ask at most {config.MaxQuestions} question(s)."),
            .. conversation,
        ];
        var options = new ChatOptions { ModelId = model.Model, Temperature = 0.2f, ResponseFormat = ChatResponseFormat.Json };
        try
        {
            var answer = await StructuredOutput.AskAsync(model.Client, messages, options,
                (json, _) => Task.FromResult(PlanCheck.Problem(json, config)), maxRepairs: 1, new UsageDetails(), context.Log, ct);
            return answer.Json.Deserialize<Plan>(EngineJson.Options)!;
        }
        catch (StructuredOutputException ex)
        {
            throw new NodeFailedException($"The planner could not make a plan: {ex.Message}");
        }
    }
}
