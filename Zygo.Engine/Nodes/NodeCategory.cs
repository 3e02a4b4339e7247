namespace Zygo.Engine.Nodes;

/// <summary>The palette groups of the spec's node registry.</summary>
public enum NodeCategory
{
    CoreOrchestration,
    AiIntelligence,
    Integration,
    FlowControl,
    Operations,
}
