namespace Zygo.Engine.Rag;

/// <summary>What is wrong with input the knowledge store refuses.</summary>
public enum KnowledgeProblem
{
    Invalid,
    TooLarge,
    Conflict,
}

/// <summary>Input the knowledge store refuses, with the field it concerns and the kind of problem.</summary>
public sealed class DocumentInputException(string field, string message, KnowledgeProblem problem = KnowledgeProblem.Invalid)
    : Exception(message)
{
    public string Field { get; } = field;
    public KnowledgeProblem Problem { get; } = problem;
}
