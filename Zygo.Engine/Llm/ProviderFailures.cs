using System.Net;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Llm;

/// <summary>Turns whatever an SDK threw into a failure that says what went wrong with which provider.</summary>
internal static class ProviderFailures
{
    public static NodeFailedException Explain(Exception ex, ProviderCall call)
    {
        var name = call.ProviderName;
        var retries = call.Retries > 0 ? $" after {call.Retries} {(call.Retries == 1 ? "retry" : "retries")}" : "";
        return call.LastFailureStatus switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                // The service's own text may quote part of the key: leave it out.
                new NodeFailedException($"{name} rejected the API key ({(int)call.LastFailureStatus}). Check the key or the variable holding it.",
                    retryable: false, ex),
            HttpStatusCode.TooManyRequests =>
                new NodeFailedException($"{name} is limiting requests (429) and still refused{retries}. {call.LastFailureDetail}".TrimEnd(),
                    retryable: true, ex),
            { } status when (int)status >= 500 =>
                new NodeFailedException($"{name} failed ({(int)status}){retries}: {call.LastFailureDetail}", retryable: true, ex),
            { } status =>
                new NodeFailedException($"{name} refused the request ({(int)status}): {call.LastFailureDetail}", retryable: false, ex),
            null when call.TimedOut || ex is TimeoutException =>
                new NodeFailedException($"{name} did not answer in time{retries}.", retryable: true, ex),
            null when call.ConnectionError is { } error =>
                new NodeFailedException($"{name} could not be reached: {error}", retryable: true, ex),
            _ => new NodeFailedException($"{name}: {ex.Message}", retryable: false, ex),
        };
    }
}
