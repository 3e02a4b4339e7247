namespace Zygo.Engine.Execution;

/// <summary>The node type is registered but cannot run in this build (the AI types until their handlers land).</summary>
public sealed class NodeNotAvailableException(string nodeType)
    : NodeFailedException($"The '{nodeType}' node is not available yet in this version of Zygo.");
