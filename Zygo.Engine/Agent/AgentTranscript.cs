using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Execution.Events;

namespace Zygo.Engine.Agent;

/// <summary>
/// Every step of one agent run, in order: each model call (what was asked, what came back, tokens, latency), each
/// tool call (arguments, outcome, observation) and the end. Each step is published as it happens and kept for the
/// node's output, so that a reader of the record can follow what the agent did.
/// </summary>
public sealed class AgentTranscript(NodeContext context)
{
    private readonly TimeProvider _clock = context.Services.GetService<TimeProvider>() ?? TimeProvider.System;
    private readonly List<ToolObservation> _observations = [];

    public JsonArray Steps { get; } = [];
    public long InputTokens { get; private set; }
    public long OutputTokens { get; private set; }
    public int ToolCalls { get; private set; }

    /// <summary>Every tool call's observation, in the order they were recorded (what a synthesizer combines).</summary>
    public IReadOnlyList<ToolObservation> Observations => _observations;

    public void ModelCall(int iteration, int messageCount, int toolCount, ChatResponse response, double latencyMs)
    {
        var usage = response.Usage;
        InputTokens += usage?.InputTokenCount ?? 0;
        OutputTokens += usage?.OutputTokenCount ?? 0;
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.CallId,
                ["name"] = c.Name,
                ["arguments"] = ToolCallArguments.ToJson(c.Arguments),
            }).ToArray();
        Add(new JsonObject
        {
            ["type"] = "model",
            ["iteration"] = iteration,
            ["request"] = new JsonObject { ["messages"] = messageCount, ["tools"] = toolCount },
            ["text"] = response.Text,
            ["toolCalls"] = new JsonArray(calls),
            ["finishReason"] = response.FinishReason?.Value,
            ["tokensIn"] = usage?.InputTokenCount,
            ["tokensOut"] = usage?.OutputTokenCount,
            ["latencyMs"] = Math.Round(latencyMs, 3),
        });
    }

    public void ToolCall(int iteration, ToolObservation observation)
    {
        ToolCalls++;
        _observations.Add(observation);
        Add(new JsonObject
        {
            ["type"] = "tool",
            ["iteration"] = iteration,
            ["callId"] = observation.CallId,
            ["tool"] = observation.Name,
            ["nodeId"] = observation.NodeId,
            ["arguments"] = observation.Arguments?.DeepClone(),
            ["outcome"] = observation.Outcome,
            ["result"] = observation.Result?.DeepClone(),
            ["observation"] = observation.Text,
            ["latencyMs"] = Math.Round(observation.LatencyMs, 3),
        });
    }

    /// <summary>A ReAct turn's reasoning, as the model wrote it.</summary>
    public void Thought(int iteration, string thought) =>
        Add(new JsonObject { ["type"] = "thought", ["iteration"] = iteration, ["text"] = thought });

    /// <summary>
    /// The synthesizer's turn: which Planner's model wrote the final answer, its tokens and latency, or why it could
    /// not (the draft stays the answer then). Its tokens are its own, not counted in the agent model's usage.
    /// </summary>
    public void Synthesis(SynthesisRecord record) => Add(record.ToJson());

    public void Final(string status, string answer) =>
        Add(new JsonObject { ["type"] = "final", ["status"] = status, ["answer"] = answer });

    public void Token(string text) =>
        context.Publish(new ExecutionEvent(ExecutionEventKind.Token, default, default, default, _clock.GetUtcNow().UtcDateTime)
            { Message = text });

    private void Add(JsonObject step)
    {
        step["index"] = Steps.Count + 1;
        Steps.Add(step);
        context.Publish(new ExecutionEvent(ExecutionEventKind.AgentStep, default, default, default, _clock.GetUtcNow().UtcDateTime)
            { Output = step.DeepClone() });
    }
}
