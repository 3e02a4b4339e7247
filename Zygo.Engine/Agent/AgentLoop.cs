using Microsoft.Extensions.AI;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Agent;

/// <summary>
/// The decision loop of an AI Agent (spec: observe → think → act → update, up to maxIterations model turns). With
/// <c>tools</c> the model calls the wired nodes by native function calling, several at once when it asks for them
/// together; <c>react</c> does the same through Thought/Action/Observation text; <c>conversational</c> only answers.
/// One instance runs one request. With <paramref name="synthesize"/> (a Planner's synthesizer) the model's final answer
/// is a draft that it turns into the answer; only the synthesizer's tokens stream then, so a chat shows one answer.
/// </summary>
public sealed class AgentLoop(ChatModel model, AIAgentConfigData config, AgentToolset toolset, AgentTranscript transcript,
    Func<string, CancellationToken, Task<string>>? synthesize = null)
{
    private const string DefaultSystemPrompt =
        "You are a helpful assistant. Use the tools when they help; answer the user when you have what you need.";

    private readonly List<ChatMessage> _messages = [];
    private readonly TimeSpan _toolTimeout = TimeSpan.FromMilliseconds(Math.Max(1, config.ToolTimeout));
    private int _calls;

    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        var mode = Mode();
        var tools = mode == AgentType.Conversational ? [] : toolset.Tools;
        var react = mode == AgentType.React && tools.Count > 0;
        var system = string.IsNullOrWhiteSpace(config.SystemPrompt) ? DefaultSystemPrompt : config.SystemPrompt;
        if (request.Planning is { } planning)
        {
            system = $"{system}\n\n{planning.Plan.Instructions(planning.Authority)}";
        }

        var systemPrompt = react ? $"{system}\n\n{ReactProtocol.Instructions(tools)}" : system;
        _messages.Add(new ChatMessage(ChatRole.System, systemPrompt));
        _messages.AddRange(ConversationWindow.Newest(request.History, systemPrompt, request.Message));
        _messages.Add(new ChatMessage(ChatRole.User, request.Message));
        var options = Options(mode == AgentType.Tools ? tools : [], react);
        Action<string>? onToken = config.EnableStreaming && synthesize is null ? transcript.Token : null;

        var maxIterations = Math.Max(1, config.MaxIterations);
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var (response, latencyMs) = await ModelTurn.AskAsync(model.Client, _messages, options, onToken, cancellationToken);
            transcript.ModelCall(iteration, _messages.Count, tools.Count, response, latencyMs);
            var answer = react
                ? await ReactTurnAsync(iteration, response.Text, cancellationToken)
                : await ToolTurnAsync(iteration, response, cancellationToken);
            if (answer is not null)
            {
                var final = synthesize is null ? answer : await synthesize(answer, cancellationToken);
                transcript.Final(AgentResult.Completed, final);
                return new AgentResult(final, AgentResult.Completed, iteration) { DraftAnswer = synthesize is null ? null : answer };
            }
        }

        var stopped = $"Stopped: the iteration limit ({maxIterations}) was reached before a final answer.";
        transcript.Final(AgentResult.IterationLimit, stopped);
        return new AgentResult(stopped, AgentResult.IterationLimit, maxIterations);
    }

    /// <summary>
    /// The offline model calls tools natively, which is what a ReAct prompt asks for anyway: it runs react agents as
    /// tools agents rather than pretend to write ReAct text.
    /// </summary>
    private AgentType Mode() => config.AgentType == AgentType.React && model.IsOffline ? AgentType.Tools : config.AgentType;

    private ChatOptions Options(IReadOnlyList<AgentTool> nativeTools, bool react)
    {
        var options = new ChatOptions
        {
            ModelId = model.Model,
            Temperature = (float)config.Temperature,
            MaxOutputTokens = config.MaxTokens > 0 ? config.MaxTokens : null,
        };
        if (nativeTools.Count > 0)
        {
            options.Tools = nativeTools.Select(t => (AITool)t.Declaration).ToList();
            options.ToolMode = ChatToolMode.Auto;
            options.AllowMultipleToolCalls = true;
        }
        else if (react)
        {
            // The observation is ours to write: stop the model before it invents one.
            options.StopSequences = [$"\n{ReactProtocol.ObservationPrefix}"];
        }

        return options;
    }

    /// <summary>Runs the tool calls of a native turn (concurrently); the final answer when the turn asked for none.</summary>
    private async Task<string?> ToolTurnAsync(int iteration, ChatResponse response, CancellationToken cancellationToken)
    {
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        if (calls.Count == 0)
        {
            return response.Text;
        }

        _messages.AddRange(response.Messages);
        var first = _calls + 1;
        _calls += calls.Count;
        var observations = await Task.WhenAll(calls.Select((call, i) => toolset.CallAsync(call.CallId, call.Name,
            call.Exception is null ? ToolCallArguments.ToJson(call.Arguments) : null, call.Exception?.Message,
            first + i, _toolTimeout, cancellationToken)));
        foreach (var observation in observations)
        {
            transcript.ToolCall(iteration, observation);
        }

        _messages.Add(new ChatMessage(ChatRole.Tool, observations.Select(o => (AIContent)new FunctionResultContent(o.CallId, o.Text)).ToList()));
        return null;
    }

    /// <summary>Runs the action of a ReAct turn and writes its observation; the final answer when the turn gave one.</summary>
    private async Task<string?> ReactTurnAsync(int iteration, string text, CancellationToken cancellationToken)
    {
        var turn = ReactProtocol.Parse(text);
        if (turn.Thought is { Length: > 0 } thought)
        {
            transcript.Thought(iteration, thought);
        }

        if (turn.Action is not { } action)
        {
            // A model that answers without the protocol's "Final Answer:" has still answered.
            return turn.FinalAnswer ?? text.Trim();
        }

        _messages.Add(new ChatMessage(ChatRole.Assistant, text.Trim()));
        var (arguments, error) = toolset.Find(action) is { } tool ? ToolCallArguments.FromText(turn.ActionInput ?? "", tool) : (null, null);
        var observation = await toolset.CallAsync($"react-{iteration}", action, arguments, error, ++_calls, _toolTimeout, cancellationToken);
        transcript.ToolCall(iteration, observation);
        _messages.Add(new ChatMessage(ChatRole.User, $"{ReactProtocol.ObservationPrefix} {observation.Text}"));
        return null;
    }
}
