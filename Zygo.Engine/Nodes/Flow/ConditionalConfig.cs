namespace Zygo.Engine.Nodes.Flow;

/// <summary>The spec's <c>ConditionalConfigData</c>.</summary>
public sealed class ConditionalConfig
{
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>Mode <c>custom</c> only: the handle that fires when no condition holds; empty: none fires.</summary>
    public string DefaultBranch { get; init; } = "";

    public EvaluationMode EvaluationMode { get; init; } = EvaluationMode.All;

    public string Description { get; init; } = "";
}

/// <summary>How a conditional turns its conditions into output handles.</summary>
public enum EvaluationMode
{
    /// <summary>Handle <c>true</c> when every condition holds (or as the logic gates join them), else <c>false</c>.</summary>
    All,

    /// <summary>Handle <c>true</c> when at least one condition holds (or as the logic gates join them), else <c>false</c>.</summary>
    Any,

    /// <summary>Each condition's id is a handle: the first condition that holds fires it, else <c>defaultBranch</c>.</summary>
    Custom,
}
