using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>
/// Sends a store's JSON requests and turns its failures into node errors a user can act on: a refused key, a missing
/// collection, a timeout, an unreachable endpoint. The API key travels in a header only and is never part of a message.
/// </summary>
internal sealed class VectorStoreHttp(HttpClient http, string store, TimeSpan timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The answer's JSON body; a 404 names <paramref name="collection"/> as the missing thing.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, Uri url, JsonNode? body, Action<HttpRequestHeaders> headers,
        string collection, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        headers(request.Headers);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new NodeFailedException($"{store} did not answer within {timeout.TotalSeconds:0.#} s ({url.GetLeftPart(UriPartial.Authority)}).", retryable: true);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.StatusCode is null)
        {
            throw new NodeFailedException($"{store} could not be reached at {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}", retryable: true, ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response.StatusCode, text, collection);
            }

            try
            {
                return text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                throw new NodeFailedException($"{store} answered with something that is not JSON.");
            }
        }
    }

    private NodeFailedException Failure(HttpStatusCode status, string body, string collection) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            new($"{store} refused the API key ({(int)status}); check the key or the variable holding it in the node's vector store settings."),
        HttpStatusCode.NotFound => new($"{store} has no collection '{collection}' (404); check the index name."),
        HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
            new($"{store} answered {(int)status}: {Excerpt(body)}", retryable: true),
        _ => new($"{store} rejected the search ({(int)status}): {Excerpt(body)}"),
    };

    /// <summary>The start of an error body: enough to see the store's reason, never a wall of text.</summary>
    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
