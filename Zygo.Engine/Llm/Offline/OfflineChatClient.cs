using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Zygo.Engine.Llm.Offline;

/// <summary>
/// The built-in model for installs without a provider key (DESIGN §4). It cannot write free text and says so: with
/// tools it picks them by lexical ranking of the request against their names and descriptions, calls them with
/// arguments found in the request, then composes an answer from what they returned. Deterministic and offline;
/// every answer starts with <see cref="Label"/>.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public const string ModelId = "offline";
    public const string Label = "[offline model]";

    private const int ResultExcerpt = 400;
    private int _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var history = messages.ToList();
        var request = history.FirstOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var results = history.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();

        var reply = tools.Count > 0 && results.Count == 0 ? CallTools(request, tools)
            : new ChatMessage(ChatRole.Assistant, Answer(request, tools, history, results, options?.ResponseFormat));
        var response = new ChatResponse(reply)
        {
            ModelId = ModelId,
            FinishReason = reply.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            // Words stand in for tokens: close enough for the usage figures the run shows.
            Usage = new UsageDetails
            {
                InputTokenCount = history.Sum(m => Words(m.Text)),
                OutputTokenCount = Words(reply.Text) + reply.Contents.OfType<FunctionCallContent>().Count(),
            },
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            if (update.Contents.Count == 1 && update.Contents[0] is TextContent text)
            {
                // Word by word, as a streaming model would send it.
                foreach (var piece in Pieces(text.Text))
                {
                    yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = ModelId, ResponseId = update.ResponseId };
                }
            }
            else
            {
                yield return update;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private ChatMessage CallTools(string request, IReadOnlyList<AIFunctionDeclaration> tools)
    {
        var chosen = ToolRanker.Choose(request, tools);
        if (chosen.Count == 0)
        {
            return new ChatMessage(ChatRole.Assistant,
                $"{Label} None of my tools ({string.Join(", ", tools.Select(t => t.Name))}) matches your request, and without a " +
                "language model I cannot answer it myself. Configure a model provider for free-text answers.");
        }

        var calls = chosen.Select(tool => (AIContent)new FunctionCallContent($"offline-{Interlocked.Increment(ref _calls)}", tool.Name,
            ArgumentFiller.Fill(request, tool.JsonSchema).ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone())));
        return new ChatMessage(ChatRole.Assistant, calls.ToList());
    }

    private static string Answer(string request, IReadOnlyList<AIFunctionDeclaration> tools, IReadOnlyList<ChatMessage> history,
        IReadOnlyList<FunctionResultContent> results, ChatResponseFormat? format)
    {
        if (format is ChatResponseFormatJson json)
        {
            return SchemaSample.For(json.Schema, request)?.ToJsonString() ?? "null";
        }

        if (results.Count == 0)
        {
            return tools.Count == 0
                ? $"{Label} I run without a language model, so I cannot write an answer of my own. Your message was: \"{request}\""
                : $"{Label} I found no tool for your request.";
        }

        var names = history.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToDictionary(c => c.CallId, c => c.Name);
        var answer = new StringBuilder($"{Label} Here is what my tools returned for \"{request}\":");
        foreach (var result in results)
        {
            var text = result.Result switch
            {
                string s => s,
                JsonElement e => e.GetRawText(),
                null => "(nothing)",
                var other => JsonSerializer.Serialize(other),
            };
            answer.Append($"\n- {names.GetValueOrDefault(result.CallId, "tool")}: {(text.Length > ResultExcerpt ? text[..ResultExcerpt] + "…" : text)}");
        }

        return answer.ToString();
    }

    private static int Words(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
