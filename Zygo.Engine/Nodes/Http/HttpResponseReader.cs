using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Http;

/// <summary>Reads a response body with a size cap, so a huge download never lands in memory whole.</summary>
internal static class HttpResponseReader
{
    /// <summary>The most an HTTP API node reads of a response body.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    private const int ExcerptLength = 200;

    /// <summary>The body as text, or null when it is larger than <see cref="MaxBodyBytes"/> (then reading stops there).</summary>
    public static async Task<string?> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var (text, complete) = await ReadUpToAsync(response, MaxBodyBytes, cancellationToken);
        return complete ? text : null;
    }

    /// <summary>The start of the body on one line, for an error message.</summary>
    public static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (text, complete) = await ReadUpToAsync(response, ExcerptLength * 4, cancellationToken);
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > ExcerptLength || !complete ? line[..Math.Min(line.Length, ExcerptLength)] + "…" : line;
    }

    /// <summary>Response and content headers, names in lower case, repeated values joined by ", ".</summary>
    public static JsonObject Headers(HttpResponseMessage response)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values);
        }

        return headers;
    }

    /// <summary>
    /// JSON when the server says so (or sends untyped/plain text that is a JSON object or array), else the text;
    /// an empty body is null.
    /// </summary>
    public static JsonNode? ParseBody(string text, MediaTypeHeaderValue? contentType)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var mediaType = contentType?.MediaType ?? "";
        var looksLikeJson = mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || (mediaType is "" or "text/plain" && text.TrimStart() is ['{' or '[', ..]);
        if (looksLikeJson)
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // A server that labels broken JSON as JSON: keep its text rather than fail the call.
            }
        }

        return JsonValue.Create(text);
    }

    private static async Task<(string Text, bool Complete)> ReadUpToAsync(HttpResponseMessage response, int limit,
        CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];

        // One byte past the limit tells whether there is more, without reading the rest.
        while (buffer.Length <= limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        var complete = buffer.Length <= limit;
        buffer.SetLength(Math.Min(buffer.Length, limit));
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, EncodingOf(response), detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancellationToken), complete);
    }

    private static Encoding EncodingOf(HttpResponseMessage response)
    {
        var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
        try
        {
            return string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8; // an unknown charset name: UTF-8 is by far the likeliest truth
        }
    }
}
