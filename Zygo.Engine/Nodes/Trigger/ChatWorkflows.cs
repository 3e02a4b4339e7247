using System.Text.Json;
using Zygo.Engine.Graph;

namespace Zygo.Engine.Nodes.Trigger;

/// <summary>Whether a workflow talks in a chat: it has a trigger node in chat mode.</summary>
public static class ChatWorkflows
{
    public static bool StartsByChat(WorkflowGraph graph) => graph.Nodes.Any(IsChatTrigger);

    /// <summary>Reads the stored node array; a graph that is not valid JSON has no chat trigger.</summary>
    public static bool StartsByChat(string nodesJson)
    {
        try
        {
            return JsonSerializer.Deserialize<List<GraphNode>>(nodesJson, EngineJson.Options)?.Any(IsChatTrigger) == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsChatTrigger(GraphNode node)
    {
        if (node.Type != "trigger")
        {
            return false;
        }

        try
        {
            return node.Config.Deserialize<TriggerNodeConfigData>(EngineJson.Options)?.TriggerMode == TriggerMode.Chat;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
