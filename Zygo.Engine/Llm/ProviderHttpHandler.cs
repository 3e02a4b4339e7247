using System.Net;

namespace Zygo.Engine.Llm;

/// <summary>
/// The HTTP pipeline under every provider SDK (their own retries are off): retries 429, 5xx and timeouts with
/// exponential backoff, honouring Retry-After, within <see cref="LlmOptions"/>; records what it saw in
/// <see cref="ProviderCall"/> so that failures can be explained the same way for every provider.
/// </summary>
internal sealed class ProviderHttpHandler(ProviderCall call, LlmOptions options, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const int DetailLength = 300;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Request bodies from the SDKs are buffered content, so the same message can be sent again.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        for (var attempt = 0; ; attempt++)
        {
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(options.RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, attemptCts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                call.TimedOutOnce();
                if (attempt >= options.MaxRetries)
                {
                    throw new TimeoutException($"{call.ProviderName} did not answer within {options.RequestTimeout.TotalSeconds:0.#} s.");
                }

                await WaitAsync($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", Backoff(attempt), cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                call.Unreachable(ex.Message);
                throw;
            }

            if (response.IsSuccessStatusCode)
            {
                call.Succeeded();
                return response;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            call.Failed(response.StatusCode, body.Length > DetailLength ? body[..DetailLength] + "…" : body);
            if (!IsTransient(response.StatusCode) || attempt >= options.MaxRetries)
            {
                // The SDK reads the body again for its own exception.
                return Rebuffered(response, body);
            }

            var delay = RetryAfter(response) ?? Backoff(attempt);
            if (delay > options.MaxRetryDelay)
            {
                return Rebuffered(response, body);
            }

            response.Dispose();
            await WaitAsync($"{(int)response.StatusCode} {response.ReasonPhrase}", delay, cancellationToken);
        }
    }

    private async Task WaitAsync(string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        call.Retrying(reason, delay);
        await Task.Delay(delay, cancellationToken);
    }

    private TimeSpan Backoff(int attempt) => options.FirstBackoff * Math.Pow(2, attempt);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        // OpenAI also sends the wait in milliseconds.
        return response.Headers.TryGetValues("retry-after-ms", out var values) && double.TryParse(values.FirstOrDefault(), out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;
    }

    private static HttpResponseMessage Rebuffered(HttpResponseMessage response, string body)
    {
        var mediaType = response.Content.Headers.ContentType;
        response.Content = new StringContent(body);
        response.Content.Headers.ContentType = mediaType;
        return response;
    }
}
