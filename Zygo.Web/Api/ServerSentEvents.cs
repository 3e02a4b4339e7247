using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Zygo.Web.Api;

/// <summary>Writes a response as server-sent events: named events with a JSON body, each flushed as it is written.</summary>
public sealed class ServerSentEvents
{
    private readonly HttpResponse _response;
    private readonly JsonSerializerOptions _json;

    private ServerSentEvents(HttpResponse response, JsonSerializerOptions json)
    {
        _response = response;
        _json = json;
    }

    /// <summary>Starts the event stream of <paramref name="http"/>'s response, in the API's JSON dialect.</summary>
    public static ServerSentEvents Start(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return new ServerSentEvents(http.Response, json);
    }

    public async Task WriteAsync<T>(string name, T data, CancellationToken ct)
    {
        await _response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, _json)}\n\n", ct);
        await _response.Body.FlushAsync(ct);
    }
}
