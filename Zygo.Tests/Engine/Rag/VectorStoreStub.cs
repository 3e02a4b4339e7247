using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Zygo.Tests.Engine.Rag;

/// <summary>A request the stub received: method, path, the headers the clients use for keys, and the JSON body.</summary>
public sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonObject? Body);

/// <summary>
/// A vector store's HTTP API on 127.0.0.1 (real Kestrel) answering each route with a canned status and JSON body, in
/// the shapes the stores document; records every request so tests can check path, headers and body.
/// </summary>
public sealed class VectorStoreStub : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (int Status, JsonNode? Body, TimeSpan Delay)> _routes = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<StubRequest> Received { get; } = new();

    /// <summary>What <paramref name="method"/> <paramref name="path"/> answers; unknown routes answer 404.</summary>
    public VectorStoreStub On(string method, string path, JsonNode? body, int status = 200, TimeSpan delay = default)
    {
        _routes[$"{method} {path}"] = (status, body, delay);
        return this;
    }

    public StubRequest Last(string method, string path) => Received.Last(r => r.Method == method && r.Path == path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.Run(AnswerAsync);
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

    private async Task AnswerAsync(HttpContext http)
    {
        var text = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var path = Uri.UnescapeDataString(http.Request.Path.Value ?? "");
        Received.Enqueue(new StubRequest(http.Request.Method, path, headers, text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : null));
        if (!_routes.TryGetValue($"{http.Request.Method} {path}", out var route))
        {
            http.Response.StatusCode = 404;
            await http.Response.WriteAsJsonAsync(new { error = "Not found" });
            return;
        }

        if (route.Delay > TimeSpan.Zero)
        {
            await Task.Delay(route.Delay, http.RequestAborted);
        }

        http.Response.StatusCode = route.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(route.Body?.ToJsonString() ?? "{}");
    }
}
