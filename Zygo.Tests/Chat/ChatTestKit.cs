using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Tests.Api;
using Zygo.Tests.Engine.Llm;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Chat;

/// <summary>A server-sent event of the chat endpoint.</summary>
internal sealed record SseEvent(string Name, JsonElement Data);

/// <summary>Chat workflows and chat requests the chat tests share.</summary>
internal static class ChatTestKit
{
    /// <summary>Chat trigger → AI Agent on the scripted model (streaming), with one code tool that adds numbers.</summary>
    public static async Task<Guid> CreateChatWorkflowAsync(this HttpClient client, ScriptedModelServer model, string triggerMode = "chat")
    {
        var nodes = new JsonArray(
            new JsonObject
            {
                ["id"] = "trigger", ["type"] = "trigger", ["label"] = "Chat",
                ["config"] = new JsonObject { ["triggerMode"] = triggerMode },
            },
            new JsonObject
            {
                ["id"] = "agent", ["type"] = "ai_agent", ["label"] = "Assistant",
                ["config"] = new JsonObject
                {
                    ["provider"] = "openai", ["model"] = "gpt-test", ["endpoint"] = model.OpenAiEndpoint, ["apiKey"] = "sk-test-key",
                    ["agentType"] = "tools", ["systemPrompt"] = "You are a chat test agent.", ["enableStreaming"] = true,
                },
            },
            new JsonObject
            {
                ["id"] = "add", ["type"] = "code", ["label"] = "Add numbers", ["description"] = "Adds a and b.",
                ["config"] = new JsonObject { ["language"] = "javascript", ["code"] = "return { sum: input.a + input.b };", ["timeout"] = 5 },
            });
        var edges = new JsonArray(
            new JsonObject { ["id"] = "e1", ["source"] = "trigger", ["target"] = "agent" },
            new JsonObject { ["id"] = "e2", ["source"] = "agent", ["target"] = "add" });
        var response = await client.PostAsync(Workflows, RawJson(new JsonObject
        {
            ["name"] = "Chat " + UniqueSuffix(),
            ["nodes"] = nodes,
            ["edges"] = edges,
        }.ToJsonString()));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
    }

    public static Task<HttpResponseMessage> PostChatAsync(this HttpClient client, Guid workflowId, object body) =>
        client.PostAsync($"{Workflows}/{workflowId}/chat", Json(body));

    /// <summary>Sends a message and reads the whole event stream (it ends after <c>done</c>).</summary>
    public static async Task<IReadOnlyList<SseEvent>> ChatAsync(this HttpClient client, Guid workflowId, string message, Guid? sessionId = null)
    {
        var response = await client.PostChatAsync(workflowId, new { message, sessionId });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        return Parse(text);
    }

    public static IReadOnlyList<SseEvent> Parse(string stream) =>
        stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => new SseEvent(
                lines.Single(l => l.StartsWith("event: ", StringComparison.Ordinal))[7..],
                JsonDocument.Parse(lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..]).RootElement.Clone()))
            .ToList();

    public static Guid SessionId(this IReadOnlyList<SseEvent> events) =>
        events.Single(e => e.Name == "done").Data.GetProperty("sessionId").GetGuid();
}
