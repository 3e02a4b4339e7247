namespace Zygo.Engine.Nodes.Http;

/// <summary>Config of the HTTP API node (<c>http_api</c>), field for field the spec's HTTPAPIConfigData.</summary>
public sealed record HttpApiConfig
{
    /// <summary>Absolute http:// or https:// address to call; an agent may append a path to it.</summary>
    public string Url { get; init; } = "";

    /// <summary>GET, POST, PUT, PATCH or DELETE (any letter case).</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Request headers; an authentication header set below wins over one of the same name here.</summary>
    public List<KeyValueEntry> Headers { get; init; } = [];

    /// <summary>Query parameters, URL-encoded and appended to any query the URL already has.</summary>
    public List<KeyValueEntry> QueryParams { get; init; } = [];

    /// <summary>Request body. For <c>form</c> either a JSON object or <c>a=1&amp;b=2</c> text.</summary>
    public string Body { get; init; } = "";

    public HttpBodyType BodyType { get; init; } = HttpBodyType.None;

    /// <summary>Seconds the whole call (sending and reading the answer) may take.</summary>
    public double Timeout { get; init; } = 30;

    /// <summary>How many more times the runner tries a call that failed in a retryable way (timeout, 429, 5xx).</summary>
    public int Retries { get; init; }

    public HttpAuthentication Authentication { get; init; } = new();

    /// <summary>
    /// JSONPath picking the part of a JSON response that becomes <c>data</c>, e.g. <c>$.data.items[*].name</c>;
    /// one match gives the value, several give an array. Empty: <c>data</c> is the whole body.
    /// </summary>
    public string ResponseMapping { get; init; } = "";

    /// <summary>
    /// <c>continue</c> also turns an HTTP error status into an output with <c>ok: false</c>, so the flow can branch on it.
    /// </summary>
    public ErrorHandling ErrorHandling { get; init; } = ErrorHandling.Throw;
}

/// <summary>How the body is sent, which also sets its content type.</summary>
public enum HttpBodyType
{
    None,
    Json,
    Form,
    Xml,
    Text,
}
