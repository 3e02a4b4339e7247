namespace Zygo.Engine.Nodes.Flow;

/// <summary>What the flow-control node types share on the canvas.</summary>
internal static class FlowControl
{
    public const string Color = "#f59e0b";
}
