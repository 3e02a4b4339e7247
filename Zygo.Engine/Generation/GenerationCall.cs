using Microsoft.Extensions.AI;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;

namespace Zygo.Engine.Generation;

/// <summary>One generation question to a model: JSON that must pass a check, repaired up to <see cref="MaxRepairs"/> times.</summary>
internal static class GenerationCall
{
    public const int MaxRepairs = 2;

    /// <exception cref="GenerationFailedException">The model failed, or its answer was still wrong after the repairs.</exception>
    public static async Task<StructuredAnswer> AskAsync(ChatModel model, string instructions, string request, StructuredOutput.Check check,
        List<string> log, CancellationToken ct)
    {
        List<ChatMessage> messages = [new(ChatRole.System, instructions), new(ChatRole.User, request)];
        var options = new ChatOptions { ModelId = model.Model, Temperature = 0.2f, ResponseFormat = ChatResponseFormat.Json };
        try
        {
            return await StructuredOutput.AskAsync(model.Client, messages, options, check, MaxRepairs, new UsageDetails(), log.Add, ct);
        }
        catch (StructuredOutputException ex)
        {
            throw new GenerationFailedException(ex.Message, ex.Problem, modelFailed: false);
        }
        catch (NodeFailedException ex)
        {
            throw new GenerationFailedException($"The model could not answer: {ex.Message}", ex.Message, modelFailed: true);
        }
    }
}
