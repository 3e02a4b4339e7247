using Zygo.Engine.Validation;

namespace Zygo.Engine.Execution.Service;

/// <summary>The answer to "run this": the workflow is missing, invalid, or a run now exists with this id.</summary>
public sealed record ExecutionStart(bool WorkflowFound, IReadOnlyList<ValidationProblem> Problems, Guid? ExecutionId)
{
    /// <summary>The validated graph, kept so a run that starts at once need not load and parse it again.</summary>
    internal PreparedGraph? Prepared { get; init; }

    public static readonly ExecutionStart NotFound = new(false, [], null);

    public static ExecutionStart Invalid(IReadOnlyList<ValidationProblem> problems) => new(true, problems, null);

    public static ExecutionStart Created(Guid id, PreparedGraph graph) => new(true, [], id) { Prepared = graph };
}
