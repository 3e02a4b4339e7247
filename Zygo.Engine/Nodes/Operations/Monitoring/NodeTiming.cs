namespace Zygo.Engine.Nodes.Operations.Monitoring;

/// <summary>How long one node of the workflow took across the window's runs.</summary>
internal sealed record NodeTiming(string NodeId, string NodeType, DurationStats Stats);
