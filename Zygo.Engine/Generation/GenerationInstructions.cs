using System.Text;
using System.Text.Json;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Generation;

/// <summary>The system prompt of workflow generation: the contract, the rules the validator enforces, and the node types.</summary>
public sealed class GenerationInstructions(NodeTypeRegistry registry)
{
    private string? _text;

    public string Text => _text ??= Build();

    private string Build()
    {
        var text = new StringBuilder("""
            You design workflows for Zygo. Reply with one JSON object and nothing else:
            {"name": string, "description": string,
             "nodes": [{"id": string, "type": string, "label": string, "description": string, "config": object}],
             "edges": [{"id": string, "source": node id, "target": node id, "sourceHandle": string or null}]}
            Rules:
            - Exactly one node of type "trigger"; every other node is reachable from it.
            - No cycles, except through a "loop" node's "body" handle.
            - An edge between an "ai_agent" and another node makes that node one of the agent's tools: give every tool a
              clear description, since the agent reads it to decide when to call the tool.
            - A "conditional" node fires the handles "true" or "false" (evaluationMode all/any).
            - Config strings may use {{input.x}} (the run's input or a tool's arguments), {{nodes.<id>.output.y}} and
              {{NAME}} for a saved variable (put secrets such as API keys in variables, never inline).
            - Use only config fields listed below, with values of the listed types; leave out fields you do not need.
            Node types (id: what it does; default config):
            """);
        text.AppendLine();
        foreach (var type in registry.All.Where(t => t.IsAvailable).OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            text.Append("- ").Append(type.Id).Append(": ").Append(type.Description).Append("; ")
                .AppendLine(JsonSerializer.Serialize(NodeTypeSchemas.For(type).Defaults, EngineJson.Options));
        }

        return text.ToString();
    }
}
