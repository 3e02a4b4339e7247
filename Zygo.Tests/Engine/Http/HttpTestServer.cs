using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Http;

namespace Zygo.Tests.Engine.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 for the HTTP API node: it echoes requests, answers chosen statuses, checks
/// credentials, answers slowly or hugely; plus helpers that run the node against it.
/// </summary>
public sealed class HttpTestServer : IAsyncLifetime
{
    public const string BasicUser = "alice";
    public const string BasicPassword = "s3cret-pass";
    public const string BearerToken = "tok-123456789";
    public const string ApiKey = "key-abcdef123";

    public const string JsonDocumentText =
        """{"data":{"total":2,"created":"2026-01-02T03:04:05Z","items":[{"name":"alpha"},{"name":"beta"}]}}""";

    /// <summary>Bigger than the node's 5 MB cap.</summary>
    public const int LargeBodyBytes = 6 * 1024 * 1024;

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");

        _app.Map("/echo/{**rest}", (RequestDelegate)EchoAsync);
        _app.Map("/status/{code:int}", (RequestDelegate)StatusAsync);
        _app.Map("/auth/basic", (RequestDelegate)(http =>
            Authorize(http, "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BasicUser}:{BasicPassword}")))));
        _app.Map("/auth/bearer", (RequestDelegate)(http => Authorize(http, "Authorization", "Bearer " + BearerToken)));
        _app.Map("/auth/apikey/{header}", (RequestDelegate)(http => Authorize(http, (string)http.Request.RouteValues["header"]!, ApiKey)));
        _app.Map("/json", (RequestDelegate)(http => WriteAsync(http, "application/json", JsonDocumentText)));
        _app.Map("/text", (RequestDelegate)(http => WriteAsync(http, "text/plain; charset=utf-8", "plain hello")));
        _app.Map("/no-content", (RequestDelegate)(http =>
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
        _app.Map("/slow", (RequestDelegate)SlowAsync);
        _app.Map("/large/{declared:bool}", (RequestDelegate)LargeAsync);

        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Runs the node with this config and returns its output object.</summary>
    public static async Task<JsonObject> RunAsync(JsonObject config, JsonNode? input = null,
        IReadOnlyDictionary<string, string>? env = null, NodeHarness? harness = null)
    {
        using var owned = harness is null ? new NodeHarness() : null;
        var outcome = await (harness ?? owned!).RunAsync<HttpApiNodeType>(config, input, env);
        return outcome.Output.Should().BeOfType<JsonObject>().Subject;
    }

    /// <summary>Runs the node expecting it to fail, and returns the failure.</summary>
    public static async Task<NodeFailedException> FailAsync(JsonObject config, JsonNode? input = null,
        IReadOnlyDictionary<string, string>? env = null, NodeHarness? harness = null)
    {
        var run = () => RunAsync(config, input, env, harness);
        return (await run.Should().ThrowAsync<NodeFailedException>()).Which;
    }

    /// <summary>The request as the server saw it (the echo endpoint's answer body).</summary>
    public static JsonObject Echoed(JsonObject output) => output["body"].Should().BeOfType<JsonObject>().Subject;

    private static async Task EchoAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var query = new JsonObject();
        foreach (var (name, values) in http.Request.Query)
        {
            query[name] = values.ToString();
        }

        var headers = new JsonObject();
        foreach (var (name, values) in http.Request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.ToString();
        }

        var echo = new JsonObject
        {
            ["method"] = http.Request.Method,
            ["path"] = http.Request.Path.Value,
            ["rawQuery"] = http.Request.QueryString.Value ?? "",
            ["query"] = query,
            ["headers"] = headers,
            ["contentType"] = http.Request.ContentType,
            ["body"] = body,
        };
        await WriteAsync(http, "application/json", echo.ToJsonString());
    }

    /// <summary>Answers the status in the route; the body repeats the credentials, as careless servers do.</summary>
    private static Task StatusAsync(HttpContext http)
    {
        http.Response.StatusCode = int.Parse((string)http.Request.RouteValues["code"]!);
        if (http.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            http.Response.Headers.RetryAfter = "7";
        }

        return WriteAsync(http, "text/plain", $"status {http.Response.StatusCode} from the test server; " +
            $"authorization={http.Request.Headers.Authorization}; x-api-key={http.Request.Headers["X-API-Key"]}");
    }

    private static Task Authorize(HttpContext http, string header, string expected)
    {
        if (http.Request.Headers[header] == expected)
        {
            return WriteAsync(http, "application/json", """{"authorized":true}""");
        }

        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return WriteAsync(http, "text/plain", $"missing or wrong {header}");
    }

    private static async Task SlowAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
            await WriteAsync(http, "text/plain", "finally");
        }
        catch (OperationCanceledException)
        {
            // The client gave up, which is what the tests want.
        }
    }

    private static async Task LargeAsync(HttpContext http)
    {
        http.Response.ContentType = "text/plain";
        if (bool.Parse((string)http.Request.RouteValues["declared"]!))
        {
            http.Response.ContentLength = LargeBodyBytes;
        }

        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        try
        {
            for (var sent = 0; sent < LargeBodyBytes; sent += chunk.Length)
            {
                await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The node stops reading at its cap and drops the connection.
        }
    }

    private static Task WriteAsync(HttpContext http, string contentType, string text)
    {
        http.Response.ContentType = contentType;
        return http.Response.WriteAsync(text, http.RequestAborted);
    }
}
