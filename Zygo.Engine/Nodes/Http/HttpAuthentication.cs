namespace Zygo.Engine.Nodes.Http;

/// <summary>The HTTP API node's credentials; they are never written to outputs, logs or error messages.</summary>
public sealed record HttpAuthentication
{
    public HttpAuthType Type { get; init; } = HttpAuthType.None;

    /// <summary>For <c>basic</c>.</summary>
    public string? Username { get; init; }

    /// <summary>For <c>basic</c>; use <c>{{env.NAME}}</c> rather than typing the secret here.</summary>
    public string? Password { get; init; }

    /// <summary>For <c>bearer</c>; use <c>{{env.NAME}}</c> rather than typing the secret here.</summary>
    public string? Token { get; init; }

    /// <summary>For <c>apikey</c>; use <c>{{env.NAME}}</c> rather than typing the secret here.</summary>
    public string? ApiKey { get; init; }

    /// <summary>For <c>apikey</c>: the header that carries the key.</summary>
    public string ApiKeyHeader { get; init; } = "X-API-Key";
}

/// <summary>The spec's authentication types; <c>Apikey</c> is spelled so that its JSON name is <c>apikey</c>.</summary>
public enum HttpAuthType
{
    None,
    Basic,
    Bearer,
    Apikey,
}
