using Zygo.Engine.Graph;
using Zygo.Engine.Validation;

namespace Zygo.Engine.Execution.Service;

/// <summary>A stored graph parsed and checked once, with what a run of it needs to know in advance.</summary>
/// <param name="Graph">The parsed graph; shared by concurrent runs, so nothing may change it.</param>
/// <param name="Problems">What validation found without looking at the tenant's variables.</param>
/// <param name="ChecksVariableNames">True when validation depends on which variables the tenant has.</param>
/// <param name="Variables">The variable names the nodes refer to, defaults included: what a run decrypts.</param>
public sealed record PreparedGraph(
    WorkflowGraph Graph,
    IReadOnlyList<ValidationProblem> Problems,
    bool ChecksVariableNames,
    IReadOnlySet<string> Variables);
