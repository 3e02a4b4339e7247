using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Zygo.Bench;

/// <summary>
/// An OpenAI-compatible chat endpoint on loopback that answers at once and without state: while the conversation
/// holds fewer than three tool results it asks for the next tool (<c>tool_1</c>, <c>tool_2</c>, <c>tool_3</c>), then
/// gives the final answer. Any number of agent runs can use it at the same time.
/// </summary>
internal sealed class InstantModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InstantModelServer(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.Single().TrimEnd('/') + "/v1";

    public static async Task<InstantModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapPost("/v1/chat/completions", (RequestDelegate)AnswerAsync);
        await app.StartAsync();
        return new InstantModelServer(app);
    }

    private static async Task AnswerAsync(HttpContext http)
    {
        var request = (await JsonNode.ParseAsync(http.Request.Body))!;
        var results = request["messages"]!.AsArray().Count(m => m!["role"]!.GetValue<string>() == "tool");
        var message = results < 3
            ? new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"call_{results + 1}",
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = $"tool_{results + 1}", ["arguments"] = "{}" },
                }),
            }
            : new JsonObject { ["role"] = "assistant", ["content"] = "All three tools answered." };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject
        {
            ["id"] = "bench",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "bench",
            ["choices"] = new JsonArray(new JsonObject
                { ["index"] = 0, ["message"] = message, ["finish_reason"] = results < 3 ? "tool_calls" : "stop" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        }.ToJsonString());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
