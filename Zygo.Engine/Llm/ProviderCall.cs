using System.Net;

namespace Zygo.Engine.Llm;

/// <summary>
/// What the HTTP layer saw of one model service's answers: the SDKs throw exceptions of their own, so failures are
/// explained from this record rather than from each SDK's exception types.
/// </summary>
public sealed class ProviderCall(string providerName, Action<string>? log)
{
    /// <summary>The provider as people know it, e.g. <c>OpenAI</c>, used in every message.</summary>
    public string ProviderName { get; } = providerName;

    public HttpStatusCode? LastFailureStatus { get; private set; }

    /// <summary>The start of the service's error body (services explain themselves there); never holds the key.</summary>
    public string? LastFailureDetail { get; private set; }

    public bool TimedOut { get; private set; }

    /// <summary>The last request could not reach the service at all.</summary>
    public string? ConnectionError { get; private set; }

    public int Retries { get; private set; }

    internal void Failed(HttpStatusCode status, string? detail)
    {
        LastFailureStatus = status;
        LastFailureDetail = detail;
        TimedOut = false;
    }

    internal void TimedOutOnce() => TimedOut = true;

    internal void Unreachable(string message) => ConnectionError = message;

    internal void Retrying(string reason, TimeSpan delay)
    {
        Retries++;
        log?.Invoke($"{ProviderName}: {reason}; retry {Retries} in {delay.TotalMilliseconds:0} ms.");
    }

    internal void Succeeded()
    {
        LastFailureStatus = null;
        LastFailureDetail = null;
        TimedOut = false;
        ConnectionError = null;
    }
}
