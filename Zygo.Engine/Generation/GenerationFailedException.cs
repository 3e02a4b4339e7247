namespace Zygo.Engine.Generation;

/// <summary>
/// Generation gave no valid result: the model failed (<see cref="ModelFailed"/>, e.g. unreachable or refusing) or
/// its last answer still had <see cref="Problems"/>.
/// </summary>
public sealed class GenerationFailedException(string message, string problems, bool modelFailed) : Exception(message)
{
    public string Problems { get; } = problems;
    public bool ModelFailed { get; } = modelFailed;
}
