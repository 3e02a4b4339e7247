using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Zygo.Engine.Llm;

/// <summary>
/// Asks a model for JSON and checks the answer; a wrong one gets repair requests quoting what was wrong, up to a
/// limit. Shared by the LLM node (JSON output), the Planner and workflow generation.
/// </summary>
public static class StructuredOutput
{
    /// <summary>What is wrong with a parsed answer, in words the model can act on; null when it is right.</summary>
    public delegate Task<string?> Check(JsonNode? json, CancellationToken cancellationToken);

    /// <param name="messages">The conversation so far; the answers and repair requests are appended to it.</param>
    /// <exception cref="StructuredOutputException">The answer was still wrong after <paramref name="maxRepairs"/> repairs.</exception>
    public static async Task<StructuredAnswer> AskAsync(IChatClient client, List<ChatMessage> messages, ChatOptions options, Check check,
        int maxRepairs, UsageDetails usage, Action<string>? log, CancellationToken cancellationToken)
    {
        for (var repairs = 0; ; repairs++)
        {
            var response = await client.GetResponseAsync(messages, options, cancellationToken);
            usage.Add(response.Usage ?? new UsageDetails());
            var (json, problem) = JsonAnswer.Parse(response.Text);
            problem ??= await check(json, cancellationToken);
            if (problem is null)
            {
                return new StructuredAnswer(json, response.Text, repairs);
            }

            if (repairs >= maxRepairs)
            {
                throw new StructuredOutputException(problem, repairs);
            }

            log?.Invoke($"The answer was {problem}; asking the model to repair it ({repairs + 1} of {maxRepairs}).");
            messages.AddRange(response.Messages);
            messages.Add(new ChatMessage(ChatRole.User, $"Your answer was {problem}. Reply again with only the corrected JSON, nothing else."));
        }
    }
}

/// <summary>An accepted JSON answer, its text, and how many repair requests it took.</summary>
public sealed record StructuredAnswer(JsonNode? Json, string Text, int Repairs);

/// <summary>The model's JSON was still wrong after the allowed repairs; <see cref="Problem"/> says how.</summary>
public sealed class StructuredOutputException(string problem, int repairs)
    : Exception($"The model's answer was still {problem} after {repairs} repair attempt{(repairs == 1 ? "" : "s")}.")
{
    public string Problem { get; } = problem;
    public int Repairs { get; } = repairs;
}
