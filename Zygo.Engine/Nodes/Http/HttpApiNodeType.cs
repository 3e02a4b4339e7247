using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Http;

/// <summary>
/// Calls an HTTP API and outputs <c>{ status, ok, headers, body, data, durationMs }</c>. HTTP error statuses fail the
/// node (retryable for 408, 429 and 5xx) unless errorHandling is <c>continue</c>, which outputs them with
/// <c>ok: false</c> so the flow can branch on them.
/// </summary>
public sealed class HttpApiNodeType(IHttpClientFactory httpClientFactory) : NodeType<HttpApiConfig>
{
    /// <summary>The named client the node sends with; configure it to add proxies or certificates.</summary>
    public const string HttpClientName = "zygo.http_api";

    public override string Id => "http_api";
    public override string Label => "HTTP API";
    public override NodeCategory Category => NodeCategory.Integration;
    public override string Icon => "Globe";
    public override string Color => "#2563EB";
    public override string Description => "Call external REST/GraphQL APIs";

    public override JsonObject ArgumentSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["path"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "Path appended to the node's URL, e.g. /issues/42. Use 'query' for query parameters.",
            },
            ["query"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Extra query parameters, name to value.",
                ["additionalProperties"] = new JsonObject { ["type"] = "string" },
            },
            ["body"] = new JsonObject
            {
                ["description"] = "Request body replacing the configured one: an object (sent as JSON or form fields) or text.",
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "object" }, new JsonObject { ["type"] = "string" }),
            },
            ["method"] = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray("GET", "POST", "PUT", "PATCH", "DELETE"),
                ["description"] = "HTTP method replacing the configured one.",
            },
        },
    };

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, HttpApiConfig config, CancellationToken cancellationToken)
    {
        var redactor = new SecretRedactor(config.Authentication ?? new HttpAuthentication());
        try
        {
            return await CallAsync(context, config, redactor, cancellationToken);
        }
        catch (NodeFailedException ex) when (redactor.Redact(ex.Message) != ex.Message)
        {
            throw new NodeFailedException(redactor.Redact(ex.Message), ex.Retryable, ex.InnerException);
        }
    }

    private async Task<NodeOutcome> CallAsync(NodeContext context, HttpApiConfig config, SecretRedactor redactor,
        CancellationToken cancellationToken)
    {
        var timeout = TimeoutOf(config);
        var mapping = JsonPathMapping.Parse(config.ResponseMapping);
        using var request = HttpRequestBuilder.Build(config, HttpToolArguments.FromInput(context.Input));
        var target = HttpRequestBuilder.Describe(request);

        using var client = httpClientFactory.CreateClient(HttpClientName);
        client.Timeout = Timeout.InfiniteTimeSpan; // the node's own timeout below covers sending and reading
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            var status = (int)response.StatusCode;
            context.Log(redactor.Redact($"{target} answered {status}."));
            if (!response.IsSuccessStatusCode && config.ErrorHandling != ErrorHandling.Continue)
            {
                throw await StatusFailureAsync(target, response, timeoutSource.Token);
            }

            var text = await HttpResponseReader.ReadTextAsync(response, timeoutSource.Token)
                ?? throw new NodeFailedException(
                    $"{target} answered with more than {HttpResponseReader.MaxBodyBytes / (1024 * 1024)} MB, the most an HTTP API " +
                    "node reads; the response was cut off there. Ask the API for less (paging, filters, fields).");
            var body = HttpResponseReader.ParseBody(text, response.Content.Headers.ContentType);
            return NodeOutcome.Of(new JsonObject
            {
                ["status"] = status,
                ["ok"] = response.IsSuccessStatusCode,
                ["headers"] = HttpResponseReader.Headers(response),
                ["body"] = body,
                ["data"] = !response.IsSuccessStatusCode ? null : mapping is null ? body?.DeepClone() : mapping.Apply(text, target),
                ["durationMs"] = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            });
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NodeFailedException($"{target} timed out after {Seconds(timeout)} s.", retryable: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw ConnectionFailure(target, request.RequestUri!, ex);
        }
        catch (IOException ex)
        {
            throw new NodeFailedException($"{target} failed: the connection broke while reading the response ({ex.Message}).",
                retryable: true, ex);
        }
    }

    private static TimeSpan TimeoutOf(HttpApiConfig config) =>
        double.IsFinite(config.Timeout) && config.Timeout > 0 && config.Timeout <= int.MaxValue / 1000
            ? TimeSpan.FromSeconds(config.Timeout)
            : throw new NodeFailedException(
                $"The timeout must be a positive number of seconds (at most 24 days), not {config.Timeout.ToString(CultureInfo.InvariantCulture)}.");

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static async Task<NodeFailedException> StatusFailureAsync(string target, HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var message = $"{target} answered {status} {response.ReasonPhrase}".TrimEnd();
        if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is { } retryAfter)
        {
            message += retryAfter.Delta is { } delta
                ? $"; the server asks to retry after {Seconds(delta)} s"
                : $"; the server asks to retry after {retryAfter.Date:u}";
        }

        var excerpt = await HttpResponseReader.ReadExcerptAsync(response, cancellationToken);
        message += excerpt.Length == 0 ? "." : $": {excerpt}";
        return new NodeFailedException(message, retryable: status is 408 or 429 or >= 500);
    }

    private static NodeFailedException ConnectionFailure(string target, Uri uri, HttpRequestException ex)
    {
        var endpoint = $"{uri.Host}:{uri.Port}";
        var (message, retryable) = ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ($"could not resolve the host '{uri.Host}'", true),
            HttpRequestError.ConnectionError when ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                => ($"connection refused to {endpoint}", true),
            HttpRequestError.ConnectionError => ($"could not connect to {endpoint} ({ex.Message})", true),
            // A certificate problem does not go away by trying again.
            HttpRequestError.SecureConnectionError => ($"the TLS handshake with {uri.Host} failed ({ex.Message})", false),
            _ => (ex.Message, true),
        };
        return new NodeFailedException($"{target} failed: {message}.", retryable, ex);
    }
}
