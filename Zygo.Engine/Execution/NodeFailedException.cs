namespace Zygo.Engine.Execution;

/// <summary>
/// A node could not do its work, with a message for the person reading the run. <see cref="Retryable"/> says
/// whether trying again may help (a timeout, a 503) or not (a 404, a syntax error).
/// </summary>
public class NodeFailedException(string message, bool retryable = false, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}
