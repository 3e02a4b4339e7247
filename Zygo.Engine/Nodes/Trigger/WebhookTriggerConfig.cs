using System.Text.Json.Serialization;

namespace Zygo.Engine.Nodes.Trigger;

/// <summary>The HTTP request that starts a webhook workflow.</summary>
public sealed record WebhookTriggerConfig
{
    public WebhookMethod Method { get; init; } = WebhookMethod.Post;

    /// <summary>The last segment of the workflow's webhook address, e.g. <c>leads</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>Callers must send an API key of the tenant.</summary>
    public bool RequireAuth { get; init; } = true;

    /// <summary>
    /// An example request body (JSON text) that the editor's Run dialog starts with, so the workflow can be tried
    /// without its caller. Requests are not checked against it.
    /// </summary>
    public string SamplePayload { get; init; } = "";
}

/// <summary>HTTP methods, written in capitals as HTTP does.</summary>
public enum WebhookMethod
{
    [JsonStringEnumMemberName("GET")] Get,
    [JsonStringEnumMemberName("POST")] Post,
    [JsonStringEnumMemberName("PUT")] Put,
    [JsonStringEnumMemberName("PATCH")] Patch,
    [JsonStringEnumMemberName("DELETE")] Delete,
}
