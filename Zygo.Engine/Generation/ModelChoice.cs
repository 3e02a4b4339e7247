using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Graph;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Ai;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Generation;

/// <summary>
/// The model a generation request asks for (<c>provider</c>, <c>model</c>, <c>endpoint</c>, <c>apiKeyVariableId</c>),
/// opened the way the LLM node opens its model: a key from the tenant's variable (audited), and the offline model
/// when no key is configured.
/// </summary>
public sealed record ModelChoice(string? Provider, string? Model, string? Endpoint, string? ApiKeyVariableId)
{
    /// <exception cref="NodeFailedException">The provider is unknown, has no model named, or the key's variable does not exist.</exception>
    public async Task<ChatModel> OpenAsync(ChatClientFactory factory, Guid tenantId, string purpose, IServiceProvider services,
        Action<string> log, CancellationToken ct)
    {
        var provider = ParseProvider(Provider);
        if (provider != ModelProvider.Offline && string.IsNullOrWhiteSpace(Model))
        {
            throw new NodeFailedException($"'model' is empty: name the {Provider} model (or deployment) to use.");
        }

        var connection = new ModelConnection
        {
            Provider = provider,
            Model = string.IsNullOrWhiteSpace(Model) ? "offline" : Model.Trim(),
            Endpoint = Endpoint?.Trim() ?? "",
            ApiKeyVariableId = string.IsNullOrWhiteSpace(ApiKeyVariableId) ? null : ApiKeyVariableId.Trim(),
        };
        // The factory reads keys and writes the audit log for a node; generation is a node of no workflow.
        var node = new GraphNode
        {
            Id = purpose, Type = "llm", Label = purpose,
            Config = JsonSerializer.SerializeToNode(connection, EngineJson.Options)!.AsObject(),
        };
        var context = new NodeContext(node, null, new TemplateScope(null, new Dictionary<string, string>()),
            new ExecutionInfo(tenantId, Guid.Empty, Guid.NewGuid()), services, log);
        return await factory.CreateAsync(context, connection, "apiKey", ct);
    }

    private static ModelProvider ParseProvider(string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            return ModelProvider.Offline;
        }

        try
        {
            return JsonSerializer.Deserialize<ModelProvider>(JsonValue.Create(provider.Trim().ToLowerInvariant()), EngineJson.Options);
        }
        catch (JsonException)
        {
            throw new NodeFailedException($"'{provider}' is not a provider: use openai, azure, openai_compatible, anthropic or offline.");
        }
    }
}
