using Microsoft.Extensions.AI;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Agent;

/// <summary>
/// The decision loop of an AI Agent (spec: observe → think → act → update, up to maxIterations model turns). With
/// <c>tools</c> the model calls the wired nodes by native function calling, several at once when it asks for them
/// together; <c>react</c> does the same through Thought/Action/Observation text; <c>conversational</c> only answers.
/// </summary>
public sealed class AgentLoop(ChatModel model, AIAgentConfigData config, AgentToolset toolset, AgentTranscript transcript)
{
    private const string DefaultSystemPrompt =
        "You are a helpful assistant. Use the tools when they help; answer the user when you have what you need.";

    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        var mode = Mode();
        var tools = mode == AgentType.Conversational ? [] : toolset.Tools;
        var react = mode == AgentType.React && tools.Count > 0;
        var system = string.IsNullOrWhiteSpace(config.SystemPrompt) ? DefaultSystemPrompt : config.SystemPrompt;
        List<ChatMessage> messages =
        [
            new(ChatRole.System, react ? $"{system}\n\n{ReactProtocol.Instructions(tools)}" : system),
            .. request.History,
            new(ChatRole.User, request.Message),
        ];
        var options = new ChatOptions
        {
            ModelId = model.Model,
            Temperature = (float)config.Temperature,
            MaxOutputTokens = config.MaxTokens > 0 ? config.MaxTokens : null,
        };
        if (mode == AgentType.Tools && tools.Count > 0)
        {
            options.Tools = tools.Select(t => (AITool)t.Declaration).ToList();
            options.ToolMode = ChatToolMode.Auto;
            options.AllowMultipleToolCalls = true;
        }
        else if (react)
        {
            options.StopSequences = [$"\n{ReactProtocol.ObservationPrefix}"];
        }

        var maxIterations = Math.Max(1, config.MaxIterations);
        var toolTimeout = TimeSpan.FromMilliseconds(Math.Max(1, config.ToolTimeout));
        Action<string>? onToken = config.EnableStreaming ? transcript.Token : null;
        var callNumber = 0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var (response, latencyMs) = await ModelTurn.AskAsync(model.Client, messages, options, onToken, cancellationToken);
            transcript.ModelCall(iteration, messages.Count, tools.Count, response, latencyMs);

            if (react)
            {
                var turn = ReactProtocol.Parse(response.Text);
                if (turn.Thought is { Length: > 0 } thought)
                {
                    transcript.Thought(iteration, thought);
                }

                if (turn.Action is not { } action)
                {
                    return Finish(turn.FinalAnswer ?? response.Text.Trim(), iteration);
                }

                messages.Add(new ChatMessage(ChatRole.Assistant, response.Text.Trim()));
                var (arguments, error) = toolset.Find(action) is { } tool ? ToolCallArguments.FromText(turn.ActionInput ?? "", tool) : (null, null);
                var observation = await toolset.CallAsync($"react-{iteration}", action, arguments, error, ++callNumber, toolTimeout,
                    cancellationToken);
                transcript.ToolCall(iteration, observation);
                messages.Add(new ChatMessage(ChatRole.User, $"{ReactProtocol.ObservationPrefix} {observation.Text}"));
                continue;
            }

            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0 || options.Tools is null)
            {
                return Finish(response.Text, iteration);
            }

            messages.AddRange(response.Messages);
            var first = callNumber + 1;
            callNumber += calls.Count;
            var observations = await Task.WhenAll(calls.Select((call, i) => toolset.CallAsync(call.CallId, call.Name,
                call.Exception is null ? ToolCallArguments.ToJson(call.Arguments) : null, call.Exception?.Message,
                first + i, toolTimeout, cancellationToken)));
            foreach (var observation in observations)
            {
                transcript.ToolCall(iteration, observation);
            }

            messages.Add(new ChatMessage(ChatRole.Tool,
                observations.Select(o => (AIContent)new FunctionResultContent(o.CallId, o.Text)).ToList()));
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

    private AgentResult Finish(string answer, int iteration)
    {
        transcript.Final(AgentResult.Completed, answer);
        return new AgentResult(answer, AgentResult.Completed, iteration);
    }
}
