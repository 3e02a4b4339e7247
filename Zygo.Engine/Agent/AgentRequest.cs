using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Zygo.Engine.Planning;

namespace Zygo.Engine.Agent;

/// <summary>
/// What the agent is asked, from its input: a <c>message</c> (or <c>prompt</c>, <c>query</c>, <c>question</c>,
/// <c>text</c>) member, a plain string, or else the whole input as JSON; plus an optional <c>history</c> of earlier
/// turns (<c>[{role, content}]</c>) for conversations, and what a Planner before the agent handed on (<see cref="PlanBrief"/>).
/// </summary>
public sealed record AgentRequest(string Message, IReadOnlyList<ChatMessage> History, PlanBrief? Planning = null)
{
    private static readonly string[] MessageFields = ["message", "prompt", "query", "question", "text"];

    public static AgentRequest From(JsonNode? input)
    {
        if (input is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return new AgentRequest(value.GetValue<string>(), []);
        }

        if (input is not JsonObject obj)
        {
            return new AgentRequest(input?.ToJsonString() ?? "", []);
        }

        var message = MessageFields.Select(f => obj[f]).FirstOrDefault(v => v is JsonValue m && m.GetValueKind() == JsonValueKind.String);
        return new AgentRequest(message?.GetValue<string>() ?? obj.ToJsonString(), Turns(obj["history"]), PlanBrief.From(obj));
    }

    private static List<ChatMessage> Turns(JsonNode? history) =>
        history is JsonArray turns
            ? turns.OfType<JsonObject>()
                .Where(t => t["content"] is JsonValue)
                .Select(t => new ChatMessage(
                    t["role"]?.GetValue<string>() is "assistant" ? ChatRole.Assistant : ChatRole.User,
                    t["content"]!.ToString()))
                .ToList()
            : [];
}
