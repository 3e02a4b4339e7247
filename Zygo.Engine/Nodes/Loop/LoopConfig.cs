using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Loop;

public enum LoopType
{
    ForEach,
    While,
    DoWhile,
    Count,
}

/// <summary>The spec's LoopConfigData. The body is the sub-flow wired to the loop's <c>body</c> handle.</summary>
public sealed class LoopConfig
{
    public LoopType LoopType { get; init; } = LoopType.ForEach;

    /// <summary>for_each: the array to iterate (a template such as <c>{{nodes.Fetch.output.items}}</c>; empty means the loop's input). count: the number of iterations.</summary>
    public JsonNode? DataSource { get; init; }

    /// <summary>Safety limit on iterations, whatever the loop type.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>A template evaluated before each iteration (while) or after it (do_while, and as an early exit for the others); the loop stops when it is truthy. <c>vars.index</c> and <c>vars.last</c> (the previous iteration's result) are available.</summary>
    public JsonNode? BreakCondition { get; init; }

    /// <summary>A template evaluated before each iteration; when truthy the iteration is skipped.</summary>
    public JsonNode? ContinueCondition { get; init; }

    /// <summary>The name under <c>vars</c> of the current item (<c>{{vars.item}}</c> by default).</summary>
    public string IteratorVariable { get; init; } = "item";

    public bool ParallelExecution { get; init; }

    public int MaxParallel { get; init; } = 4;

    public string? Description { get; init; }
}
