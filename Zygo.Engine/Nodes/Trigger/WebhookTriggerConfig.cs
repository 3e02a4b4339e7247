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
