using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Knowledge;
using Zygo.Engine.Knowledge.Extraction;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Ai;
using Zygo.Engine.Nodes.Operations;
using MemoryRow = Zygo.Data.Entities.Memory;

namespace Zygo.Engine.Memory;

/// <summary>
/// memory_store's <c>autoExtractEntities</c>: finds entities in what was stored (after redaction, so a redacted secret
/// is never an entity) and links them to the memory in the knowledge graph. A <c>secret</c> memory is not mined: its
/// entities would be visible to everyone who may read the graph.
/// </summary>
internal static class MemoryEntityExtraction
{
    public static async Task<JsonObject> RunAsync(NodeContext context, MemoryStoreConfigData config, MemoryRow memory, CancellationToken ct)
    {
        var requested = JsonSerializer.SerializeToElement(config.ExtractionMethod, EngineJson.Options).GetString()!;
        if (config.Sensitivity == MemorySensitivity.Secret)
        {
            return Report(requested, "none", [], "The memory is secret: its entities were not extracted.");
        }

        var text = string.Join("\n", new[] { memory.Title, memory.Summary, memory.Content }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var extraction = config.ExtractionMethod switch
        {
            EntityExtractionMethod.Llm => await LlmEntityExtractor.ExtractAsync(
                await context.Services.GetRequiredService<ChatClientFactory>().CreateAsync(context, config.ExtractionModel, "extractionModel.apiKey", ct),
                text, ct),
            EntityExtractionMethod.Regex => RegexEntityExtractor.Extract(text),
            _ => RegexEntityExtractor.Extract(text, $"'{requested}' extraction is not built: used regex extraction instead."),
        };
        var written = await OperationsDatabase.UseAsync(context, db =>
            MemoryEntityLinker.LinkAsync(new KnowledgeStore(db, context.Execution.TenantId), memory, extraction, context.Execution.ExecutionId, ct));
        if (extraction.Note is { } note)
        {
            context.Log(note);
        }

        return Report(requested, extraction.Method, written, extraction.Note);
    }

    private static JsonObject Report(string requested, string method, IReadOnlyList<EntityWrite> written, string? note)
    {
        var report = new JsonObject
        {
            ["requested"] = requested,
            ["method"] = method,
            ["entities"] = new JsonArray(written.Select(w => (JsonNode)new JsonObject
            {
                ["id"] = w.Entity.Id,
                ["type"] = w.Entity.Type,
                ["name"] = w.Entity.Name,
                ["created"] = w.Created,
            }).ToArray()),
        };
        if (note is not null)
        {
            report["note"] = note;
        }

        return report;
    }
}
