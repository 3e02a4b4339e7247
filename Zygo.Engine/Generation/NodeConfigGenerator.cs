using System.Text.Json.Nodes;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Generation;

/// <summary>
/// A config for one node type from a description: by a model (structured output that must bind to the type's config
/// record, repaired up to <see cref="GenerationCall.MaxRepairs"/> times), or offline by <see cref="OfflineConfigFiller"/>.
/// </summary>
public sealed class NodeConfigGenerator(ChatClientFactory factory, IServiceProvider services)
{
    public async Task<NodeConfigResult> GenerateAsync(Guid tenantId, INodeType type, string description, ModelChoice choice, CancellationToken ct)
    {
        var log = new List<string>();
        var model = await choice.OpenAsync(factory, tenantId, "node-config-generator", services, log.Add, ct);
        if (model.IsOffline)
        {
            return new NodeConfigResult(OfflineConfigFiller.Fill(type, description), model, 0);
        }

        var instructions = $"""
            You configure a Zygo node of type "{type.Id}" ({type.Description}). Reply with only its config as one JSON
            object valid against this JSON schema; leave out fields that keep their defaults. Put secrets in variables
            ({"{{NAME}}"}), never inline.
            {NodeTypeSchemas.For(type).Schema.GetRawText()}
            """;
        Task<string?> Check(JsonNode? json, CancellationToken _) =>
            Task.FromResult(NodeConfigCheck.Problem(type, json, type.Label) is { } problem ? $"wrong: {problem}" : null);
        var answer = await GenerationCall.AskAsync(model, instructions, description, Check, log, ct);
        return new NodeConfigResult(answer.Json!.AsObject(), model, answer.Repairs);
    }
}

/// <summary>A generated node config and the model that wrote it.</summary>
public sealed record NodeConfigResult(JsonObject Config, ChatModel Model, int Repairs);
