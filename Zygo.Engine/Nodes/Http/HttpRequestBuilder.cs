using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Http;

/// <summary>Turns an HTTP API config (and an agent's arguments) into a request, naming the field when one is wrong.</summary>
internal static class HttpRequestBuilder
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static HttpRequestMessage Build(HttpApiConfig config, HttpToolArguments? arguments)
    {
        var method = ParseMethod(arguments?.Method ?? config.Method);
        var uri = BuildUri(config, arguments);
        var request = new HttpRequestMessage(method, uri);
        try
        {
            request.Content = BuildContent(config, arguments);
            AddHeaders(request, config.Headers ?? []);
            AddAuthentication(request, config.Authentication ?? new HttpAuthentication());
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    /// <summary>How messages name a request: method and address without the query, which may carry keys.</summary>
    public static string Describe(HttpRequestMessage request) =>
        $"{request.Method} {request.RequestUri!.Scheme}://{request.RequestUri.Authority}{request.RequestUri.AbsolutePath}";

    private static HttpMethod ParseMethod(string? method)
    {
        var name = method?.Trim().ToUpperInvariant() ?? "";
        return Methods.Contains(name)
            ? new HttpMethod(name)
            : throw Invalid($"The method '{method}' is not supported: use GET, POST, PUT, PATCH or DELETE.");
    }

    private static Uri BuildUri(HttpApiConfig config, HttpToolArguments? arguments)
    {
        var url = config.Url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            throw Invalid("The url is empty: set the address to call, e.g. https://api.example.com/items.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw Invalid($"The url '{url}' is not an absolute http:// or https:// address.");
        }

        var address = baseUri.GetLeftPart(UriPartial.Path);
        if (!string.IsNullOrWhiteSpace(arguments?.Path))
        {
            address = address.TrimEnd('/') + "/" + EscapeAgentPath(arguments.Path);
        }

        var query = new StringBuilder(baseUri.Query.TrimStart('?'));
        foreach (var entry in (config.QueryParams ?? []).Concat(arguments?.Query ?? []))
        {
            if (string.IsNullOrWhiteSpace(entry?.Key))
            {
                continue;
            }

            query.Append(query.Length == 0 ? "" : "&")
                .Append(Uri.EscapeDataString(entry.Key.Trim()))
                .Append('=')
                .Append(Uri.EscapeDataString(entry.Value ?? ""));
        }

        return new Uri(query.Length == 0 ? address : $"{address}?{query}");
    }

    /// <summary>
    /// The agent's path stays a path under the configured URL: '?' and '#' are escaped rather than starting a query
    /// or fragment, and '..' segments, which would climb out of the configured base path, are refused.
    /// </summary>
    private static string EscapeAgentPath(string path)
    {
        var segments = path.Trim().TrimStart('/').Split('/');
        if (segments.Any(s => Uri.UnescapeDataString(s) is "." or ".."))
        {
            throw Invalid($"The tool argument 'path' ('{path}') must not contain '.' or '..' segments.");
        }

        return string.Join('/', segments).Replace("?", "%3F", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
    }

    private static HttpContent? BuildContent(HttpApiConfig config, HttpToolArguments? arguments)
    {
        var body = arguments?.Body ?? config.Body;
        var bodyType = config.BodyType;
        if (arguments?.Body is not null && bodyType == HttpBodyType.None)
        {
            // An agent sending a body to a node configured without one: objects go as JSON, text as text.
            bodyType = arguments.BodyIsText ? HttpBodyType.Text : HttpBodyType.Json;
        }

        if (bodyType == HttpBodyType.None || string.IsNullOrEmpty(body))
        {
            return null;
        }

        return bodyType switch
        {
            HttpBodyType.Json => JsonContent(body),
            HttpBodyType.Form => FormContent(body),
            HttpBodyType.Xml => new StringContent(body, Encoding.UTF8, "application/xml"),
            HttpBodyType.Text => new StringContent(body, Encoding.UTF8, "text/plain"),
            _ => throw Invalid($"The bodyType '{bodyType}' is not supported: use none, json, form, xml or text."),
        };
    }

    private static StringContent JsonContent(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Invalid($"The body is not valid JSON (bodyType is json): {ex.Message}");
        }

        return new StringContent(body, Encoding.UTF8, "application/json");
    }

    /// <summary>A JSON object becomes name=value pairs; any other text is taken as already form-encoded.</summary>
    private static HttpContent FormContent(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        }

        JsonObject fields;
        try
        {
            fields = JsonNode.Parse(body)!.AsObject();
        }
        catch (JsonException ex)
        {
            throw Invalid($"The body starts with '{{' but is not a valid JSON object (bodyType is form): {ex.Message}");
        }

        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, HttpToolArguments.ValueText(f.Value))));
    }

    private static void AddHeaders(HttpRequestMessage request, IEnumerable<KeyValueEntry?> headers)
    {
        foreach (var header in headers)
        {
            if (string.IsNullOrWhiteSpace(header?.Key))
            {
                continue;
            }

            var name = header.Key.Trim();
            if (request.Headers.TryAddWithoutValidation(name, header.Value ?? ""))
            {
                continue;
            }

            // Content headers (Content-Type, …) live on the content; without a body they ride on an empty one.
            var content = request.Content ?? new ByteArrayContent([]);
            if (content.Headers.TryGetValues(name, out _))
            {
                content.Headers.Remove(name); // the configured header replaces the body type's default
            }

            if (!content.Headers.TryAddWithoutValidation(name, header.Value ?? ""))
            {
                content.Dispose();
                throw Invalid($"The header name '{name}' is not a valid HTTP header name.");
            }

            request.Content = content;
        }
    }

    private static void AddAuthentication(HttpRequestMessage request, HttpAuthentication authentication)
    {
        switch (authentication.Type)
        {
            case HttpAuthType.None:
                break;
            case HttpAuthType.Basic:
                var username = Required(authentication.Username, "authentication.username", "basic");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    SecretRedactor.BasicCredential(username, authentication.Password));
                break;
            case HttpAuthType.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                    Required(authentication.Token, "authentication.token", "bearer"));
                break;
            case HttpAuthType.Apikey:
                var key = Required(authentication.ApiKey, "authentication.apiKey", "apikey");
                var headerName = string.IsNullOrWhiteSpace(authentication.ApiKeyHeader) ? "X-API-Key" : authentication.ApiKeyHeader.Trim();
                if (!IsValidRequestHeaderName(headerName))
                {
                    throw Invalid($"The authentication.apiKeyHeader '{headerName}' is not a valid request header name.");
                }

                request.Headers.Remove(headerName);
                request.Headers.TryAddWithoutValidation(headerName, key);
                break;
            default:
                throw Invalid($"The authentication type '{authentication.Type}' is not supported: use none, basic, bearer or apikey.");
        }
    }

    /// <summary>Checked on a throw-away request because <c>Remove</c> throws on names that are not request headers.</summary>
    private static bool IsValidRequestHeaderName(string name)
    {
        using var probe = new HttpRequestMessage();
        return probe.Headers.TryAddWithoutValidation(name, "");
    }

    private static string Required(string? value, string field, string type) =>
        string.IsNullOrEmpty(value)
            ? throw Invalid($"The {field} is empty but the authentication type is {type}.")
            : value;

    private static NodeFailedException Invalid(string message) => new(message, retryable: false);
}
