namespace Zygo.Engine.Llm;

/// <summary>How Zygo talks to model services: timeouts and the bounds of its retries.</summary>
public sealed class LlmOptions
{
    /// <summary>How long one request may wait for the service to start answering before it is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries after a 429, a 5xx or a timeout, each after a growing delay.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay when the service names none; doubles on each retry.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait Zygo accepts from a Retry-After header; a longer one fails the call at once.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
