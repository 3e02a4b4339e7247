using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;
using Zygo.Engine.Memory;
using Zygo.Engine.Nodes.Operations;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// Remembers something for the tenant under a key, merged with what the key holds by the merge strategy, with
/// secrets redacted first when <c>autoRedactSecrets</c> is on, and embedded when an embedding model is configured.
/// </summary>
public sealed class MemoryStoreNodeType : NodeType<MemoryStoreConfigData>
{
    public override string Id => "memory_store";
    public override string Label => "Memory Store";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Save";
    public override string Color => "#0D9488";
    public override string Description => "Store memory records (semantic, episodic, procedural)";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("content", "string", "What to remember.", Required: true),
        new ToolArgument("key", "string", "Unique key to find the memory again; the same key updates it."),
        new ToolArgument("tags", "string", "Comma-separated tags."));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, MemoryStoreConfigData config, CancellationToken cancellationToken)
    {
        var content = MemoryArguments.Pick(config.Content, context.Input, "content");
        if (content.Length == 0)
        {
            throw new NodeFailedException($"'{context.Node.DisplayName}' has nothing to remember: fill 'content' or give it an input with a 'content'.");
        }

        var redaction = new MemoryRedaction();
        string Clean(string text, string field) => config.AutoRedactSecrets ? redaction.Redact(text, field, cancellationToken) : text;
        var key = MemoryArguments.Pick(config.MemoryKey, context.Input, "key");
        var draft = new MemoryDraft(
            Key: key.Length > 0 ? key : $"memory:{Guid.NewGuid():N}",
            Type: EnumName(config.MemoryType),
            Title: Clean(config.Title, "title"),
            Content: Clean(content, "content"),
            Summary: Clean(config.Summary, "summary"),
            Tags: MemoryTags.Parse($"{config.Tags},{MemoryArguments.Pick("", context.Input, "tags")}"),
            Sensitivity: EnumName(config.Sensitivity),
            Importance: EnumName(config.Importance),
            Confidence: config.Confidence is >= 0 and <= 1
                ? config.Confidence
                : throw new NodeFailedException($"'confidence' must be between 0 and 1, not {config.Confidence}."),
            ExpiresAt: ExpiresAt(config),
            ObservedAt: ObservedAt(config.ObservedAt),
            Metadata: Metadata(context, config));

        var embedding = await context.Services.GetRequiredService<EmbeddingGeneratorFactory>()
            .CreateAsync(context, config.Embedding, "embedding.apiKey", cancellationToken);
        var write = await OperationsDatabase.UseAsync(context, db =>
            MemoryWriter.WriteAsync(db, context.Execution.TenantId, draft, config.MergeStrategy, config.EnableVersioning,
                config.ReplacesMemoryKey, cancellationToken));
        var embedded = false;
        if (embedding.Model is { } model)
        {
            var vector = (await model.EmbedAsync([write.Memory.Content], cancellationToken))[0];
            await OperationsDatabase.UseAsync(context, db => MemoryEmbeddings.SaveAsync(db, write.Memory.Id, model.Name, vector, cancellationToken));
            embedded = true;
        }

        context.Log($"Memory '{write.Memory.Key}' {write.Outcome} (version {write.Memory.Version}); {redaction.Found.Count} redactions.");
        var output = new JsonObject
        {
            ["id"] = write.Memory.Id,
            ["key"] = write.Memory.Key,
            ["version"] = write.Memory.Version,
            ["outcome"] = write.Outcome,
            ["type"] = write.Memory.Type,
            ["tags"] = new JsonArray(MemoryTags.Split(write.Memory.Tags).Select(t => (JsonNode)t).ToArray()),
            ["expiresAt"] = write.Memory.ExpiresAt,
            ["embedded"] = embedded,
            ["redactions"] = new JsonArray(redaction.Found
                .Select(r => (JsonNode)new JsonObject { ["field"] = r.Field, ["kind"] = r.Kind }).ToArray()),
        };
        if (config.AutoExtractEntities)
        {
            output["extraction"] = await MemoryEntityExtraction.RunAsync(context, config, write.Memory, cancellationToken);
        }

        return NodeOutcome.Of(output);
    }

    private static string EnumName<T>(T value) where T : struct, Enum =>
        JsonSerializer.SerializeToElement(value, EngineJson.Options).GetString()!;

    private static DateTime? ExpiresAt(MemoryStoreConfigData config)
    {
        var now = DateTime.UtcNow;
        if (config.Ttl is { } ttl)
        {
            return ttl > 0 ? now.AddSeconds(ttl) : throw new NodeFailedException($"'ttl' must be a positive number of seconds, not {ttl}.");
        }

        return config.ExpiresIn switch
        {
            MemoryExpiry.Never => null,
            MemoryExpiry.OneHour => now.AddHours(1),
            MemoryExpiry.OneDay => now.AddDays(1),
            MemoryExpiry.SevenDays => now.AddDays(7),
            MemoryExpiry.ThirtyDays => now.AddDays(30),
            _ => config.CustomExpirationDays is { } days and > 0
                ? now.AddDays(days)
                : throw new NodeFailedException("'expiresIn' is custom, so 'customExpirationDays' needs a positive number of days."),
        };
    }

    private static DateTime ObservedAt(string text) =>
        string.IsNullOrWhiteSpace(text) ? DateTime.UtcNow
            : DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new NodeFailedException($"'observedAt' is not an ISO 8601 date: '{text}'.");

    /// <summary>Who made the memory, from what, where, and how it relates to others; the node's own JSON under <c>context</c>.</summary>
    private static JsonObject Metadata(NodeContext context, MemoryStoreConfigData config)
    {
        var metadata = new JsonObject
        {
            ["actor"] = new JsonObject { ["kind"] = EnumName(config.ActorKind), ["id"] = config.ActorId },
            ["evidence"] = config.Evidence,
            ["workflowLocation"] = config.WorkflowLocation,
            ["workflowId"] = context.Execution.WorkflowId,
            ["executionId"] = context.Execution.ExecutionId,
            ["relatedMemoryKeys"] = new JsonArray(config.RelatedMemoryKeys
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => (JsonNode)k).ToArray()),
            ["parentMemoryKey"] = config.ParentMemoryKey,
            ["replacesMemoryKey"] = config.ReplacesMemoryKey,
        };
        if (config.VersionNote is { Length: > 0 } note)
        {
            metadata["versionNote"] = note;
        }

        AddJson(metadata, "relationships", config.RelationshipLinks, "relationshipLinks");
        AddJson(metadata, "context", config.ContextMetadata, "contextMetadata");
        return metadata;
    }

    private static void AddJson(JsonObject metadata, string name, string text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        try
        {
            metadata[name] = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new NodeFailedException($"'{field}' is not valid JSON: {ex.Message}");
        }
    }
}
