namespace Zygo.Engine.Validation;

/// <summary>One thing wrong with a graph, naming the node (or edge) it concerns.</summary>
public sealed record ValidationProblem(string Code, string Message, string? NodeId = null, string? EdgeId = null);
