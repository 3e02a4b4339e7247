namespace Zygo.Engine.Nodes.Ai;

/// <summary>An API key typed in, or (recommended) a reference to a saved environment variable holding it.</summary>
public record ApiCredential
{
    /// <summary>The key itself; prefer <c>apiKeyVariableId</c> or a <c>{{env.NAME}}</c> reference so it is not stored in the graph.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>Id of the environment variable holding the key; used instead of <c>apiKey</c> when set.</summary>
    public string? ApiKeyVariableId { get; init; }
}
