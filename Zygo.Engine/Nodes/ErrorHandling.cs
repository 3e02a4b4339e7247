namespace Zygo.Engine.Nodes;

/// <summary>What the runner does when a node fails (the config field <c>errorHandling</c>, any node type).</summary>
public enum ErrorHandling
{
    /// <summary>Fail the node and the run.</summary>
    Throw,

    /// <summary>Record the failure and go on; the node's output is <c>{ "error": { "message" } }</c>.</summary>
    Continue,

    /// <summary>Try again (up to <c>retries</c>, exponential backoff), then fail.</summary>
    Retry,
}
