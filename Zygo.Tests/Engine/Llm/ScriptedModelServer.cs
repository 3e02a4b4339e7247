using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Zygo.Tests.Engine.Llm;

/// <summary>A request the scripted server received.</summary>
public sealed record ReceivedRequest(string Path, string? Authorization, string? ApiKeyHeader, JsonObject Body)
{
    public JsonArray Messages => Body["messages"]!.AsArray();
    public bool Streamed => Body["stream"]?.GetValue<bool>() == true;
}

/// <summary>
/// An OpenAI-compatible model server on 127.0.0.1 (real Kestrel) answering from a queue of scripted replies: chat
/// completions with tool calls, server-sent-event streams with usage, error statuses and 429s with Retry-After; the
/// Azure OpenAI deployment route and Anthropic's messages route answer from the same queue. Records every request.
/// </summary>
public sealed class ScriptedModelServer : IAsyncLifetime
{
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private WebApplication? _app;
    private int _responses;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The base URL the OpenAI client takes (<c>…/v1</c>).</summary>
    public string OpenAiEndpoint => BaseUrl + "/v1";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public IReadOnlyList<ReceivedRequest> Requests => Received.ToList();

    public ScriptedModelServer Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    public int Remaining => _script.Count;

    /// <summary>The vector <c>/v1/embeddings</c> answers for a text; embeddings do not use the reply queue.</summary>
    public Func<string, float[]> Embed { get; set; } = _ => [1f, 0f];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/v1/chat/completions", (RequestDelegate)(http => AnswerAsync(http, OpenAiAsync)));
        _app.MapPost("/openai/deployments/{deployment}/chat/completions", (RequestDelegate)(http => AnswerAsync(http, OpenAiAsync)));
        _app.MapPost("/v1/messages", (RequestDelegate)(http => AnswerAsync(http, AnthropicAsync)));
        _app.MapPost("/v1/embeddings", (RequestDelegate)EmbeddingsAsync);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext http, Func<HttpContext, ScriptedReply, JsonObject, Task> write)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        Received.Enqueue(new ReceivedRequest(http.Request.Path, http.Request.Headers.Authorization.FirstOrDefault(),
            http.Request.Headers["api-key"].FirstOrDefault() ?? http.Request.Headers["x-api-key"].FirstOrDefault(), body));
        if (!_script.TryDequeue(out var reply))
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "The test's script has no more replies." } });
            return;
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply is ScriptedReply.Error error)
        {
            http.Response.StatusCode = error.Status;
            if (error.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = error.RetryAfter;
            }

            await http.Response.WriteAsJsonAsync(new { error = new { message = $"Scripted error {error.Status}.", type = "scripted", code = error.Status.ToString() } });
            return;
        }

        await write(http, reply, body);
    }

    /// <summary>OpenAI's embeddings route: one vector per input, as floats or (the SDK's default) base64 float32s.</summary>
    private async Task EmbeddingsAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        Received.Enqueue(new ReceivedRequest(http.Request.Path, http.Request.Headers.Authorization.FirstOrDefault(), null, body));
        var inputs = body["input"] is JsonArray many ? many.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = inputs.Select((text, i) =>
        {
            var vector = Embed(text);
            JsonNode embedding = base64
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            return (JsonNode)new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding };
        }).ToArray();
        var tokens = inputs.Sum(t => t.Split(' ').Length);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(data),
            ["model"] = body["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString());
    }

    private async Task OpenAiAsync(HttpContext http, ScriptedReply reply, JsonObject request)
    {
        var id = $"chatcmpl-{Interlocked.Increment(ref _responses)}";
        var model = request["model"]?.GetValue<string>() ?? "scripted";
        var (message, finish, prompt, completion) = reply switch
        {
            ScriptedReply.Text text => (new JsonObject { ["role"] = "assistant", ["content"] = text.Content }, "stop", text.PromptTokens, text.CompletionTokens),
            ScriptedReply.ToolCalls calls => (new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(calls.Calls.Select((c, i) => (JsonNode)new JsonObject
                {
                    ["index"] = i,
                    ["id"] = c.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
                }).ToArray()),
            }, "tool_calls", calls.PromptTokens, calls.CompletionTokens),
            _ => throw new InvalidOperationException(reply.GetType().Name),
        };
        var usage = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };

        if (request["stream"]?.GetValue<bool>() != true)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
                ["usage"] = usage,
            }.ToJsonString());
            return;
        }

        http.Response.ContentType = "text/event-stream";
        async Task ChunkAsync(JsonObject delta, string? finishReason, JsonObject? chunkUsage = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = chunkUsage is null
                    ? new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason })
                    : new JsonArray(),
            };
            if (chunkUsage is not null)
            {
                chunk["usage"] = chunkUsage;
            }

            await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
            await http.Response.Body.FlushAsync();
        }

        if (reply is ScriptedReply.Text streamed)
        {
            var first = true;
            foreach (var piece in Pieces(streamed.Content))
            {
                var delta = new JsonObject { ["content"] = piece };
                if (first)
                {
                    delta["role"] = "assistant";
                    first = false;
                }
                else if (reply.PieceDelay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.PieceDelay);
                }

                await ChunkAsync(delta, null);
            }
        }
        else
        {
            await ChunkAsync(new JsonObject { ["role"] = "assistant", ["tool_calls"] = message["tool_calls"]!.DeepClone() }, null);
        }

        await ChunkAsync([], finish);
        await ChunkAsync([], null, usage);
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task AnthropicAsync(HttpContext http, ScriptedReply reply, JsonObject request)
    {
        var text = reply as ScriptedReply.Text ?? throw new InvalidOperationException("The Anthropic route answers text only.");
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject
        {
            ["id"] = "msg_1",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = request["model"]?.GetValue<string>(),
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text.Content }),
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = text.PromptTokens, ["output_tokens"] = text.CompletionTokens },
        }.ToJsonString());
    }

    /// <summary>Word-sized pieces, each keeping its leading space, so their concatenation is the text.</summary>
    public static IEnumerable<string> Pieces(string text)
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
