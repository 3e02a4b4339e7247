namespace Zygo.Engine.Nodes.Operations.Monitoring;

/// <summary>A threshold the workflow missed: the metric, its value, the limit, and the sentence for a notification.</summary>
internal sealed record Breach(string Metric, double Value, double Threshold, string Message);
