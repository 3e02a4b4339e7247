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
/// Finds the tenant's memories by keyword, meaning or both, filtered, at most <c>limit</c> of them above
/// <c>threshold</c>. Expired and superseded memories are never returned. Semantic and hybrid searches need an
/// embedding model; without one they search by keyword and say so in <c>note</c>.
/// </summary>
public sealed class MemorySearchNodeType : NodeType<MemorySearchConfigData>
{
    public override string Id => "memory_search";
    public override string Label => "Memory Search";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Search";
    public override string Color => "#059669";
    public override string Description => "Search and retrieve from memory store";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("query", "string", "What to look for in memory: words or a question.", Required: true));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, MemorySearchConfigData config, CancellationToken cancellationToken)
    {
        var query = MemoryArguments.Pick(config.Query, context.Input, "query");
        if (query.Length == 0)
        {
            throw new NodeFailedException($"'{context.Node.DisplayName}' has nothing to look for: fill 'query' or give it an input with a 'query'.");
        }

        if (config.Limit < 1)
        {
            throw new NodeFailedException($"'limit' must be at least 1, not {config.Limit}.");
        }

        if (config.Threshold is < 0 or > 1)
        {
            throw new NodeFailedException($"'threshold' must be between 0 and 1, not {config.Threshold}.");
        }

        var filter = new MemoryFilter(config.Filters);
        var searchedBy = config.SearchType;
        EmbeddingModel? model = null;
        string? note = null;
        if (searchedBy != MemorySearchType.Keyword)
        {
            var lookup = await context.Services.GetRequiredService<EmbeddingGeneratorFactory>()
                .CreateAsync(context, config.Embedding, "embedding.apiKey", cancellationToken);
            model = lookup.Model;
            if (model is null)
            {
                note = $"{Name(searchedBy)} search needs an embedding model and {lookup.Missing}: searched by keyword instead.";
                context.Log(note);
                searchedBy = MemorySearchType.Keyword;
            }
        }

        var hits = await OperationsDatabase.UseAsync(context, async db =>
        {
            var searcher = new MemorySearcher(db, context.Execution.TenantId, filter, config.Threshold);
            return searchedBy switch
            {
                MemorySearchType.Keyword => await searcher.KeywordAsync(query, cancellationToken),
                MemorySearchType.Semantic => await searcher.SemanticAsync(query, model!, cancellationToken),
                _ => MemorySearcher.Fuse(await searcher.KeywordAsync(query, cancellationToken),
                    await searcher.SemanticAsync(query, model!, cancellationToken)),
            };
        });

        var returned = hits.Take(config.Limit).ToList();
        context.Log($"Found {hits.Count} memories by {Name(searchedBy)} search; returning {returned.Count}.");
        var output = new JsonObject
        {
            ["query"] = query,
            ["searchType"] = Name(config.SearchType),
            ["searchedBy"] = Name(searchedBy),
            ["count"] = returned.Count,
            ["memories"] = new JsonArray(returned.Select(h => (JsonNode)MemoryJson.Of(h, config.IncludeMetadata)).ToArray()),
        };
        if (note is not null)
        {
            output["note"] = note;
        }

        return NodeOutcome.Of(output);
    }

    private static string Name(MemorySearchType type) => JsonSerializer.SerializeToElement(type, EngineJson.Options).GetString()!;
}
