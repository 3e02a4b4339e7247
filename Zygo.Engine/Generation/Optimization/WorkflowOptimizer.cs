using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Graph;
using Zygo.Engine.Llm;

namespace Zygo.Engine.Generation.Optimization;

/// <summary>
/// Suggestions for a workflow: the <see cref="StaticChecks"/> always, plus a model's suggestions when a provider with
/// a key is chosen (the offline model adds none). A focus keeps that category, and security findings always.
/// </summary>
public sealed class WorkflowOptimizer(ChatClientFactory factory, IServiceProvider services)
{
    public async Task<OptimizationResult> OptimizeAsync(Guid tenantId, WorkflowGraph graph, string? focus, ModelChoice choice,
        CancellationToken ct)
    {
        var suggestions = StaticChecks.Run(graph).ToList();
        var log = new List<string>();
        var model = await choice.OpenAsync(factory, tenantId, "workflow-optimizer", services, log.Add, ct);
        if (!model.IsOffline)
        {
            suggestions.AddRange(await AskModelAsync(model, graph, focus, suggestions, log, ct));
        }

        var kept = suggestions.Where(s => focus is null || s.Category == focus || s.Category == "security")
            .OrderByDescending(s => Array.IndexOf(Suggestion.Severities, s.Severity)).ToList();
        return new OptimizationResult(kept, model);
    }

    private static async Task<IEnumerable<Suggestion>> AskModelAsync(ChatModel model, WorkflowGraph graph, string? focus,
        IReadOnlyList<Suggestion> found, List<string> log, CancellationToken ct)
    {
        var instructions = $$"""
            You review Zygo workflows for {{focus ?? "performance, cost and reliability"}}. Reply with only
            {"suggestions": [{"nodeId": string or null, "category": one of {{string.Join("/", Suggestion.Categories)}},
            "severity": one of {{string.Join("/", Suggestion.Severities)}}, "message": string}]}; do not repeat these
            findings: {{string.Join(" | ", found.Select(s => s.Message))}}
            """;
        var workflow = new JsonObject
        {
            ["nodes"] = JsonSerializer.SerializeToNode(graph.Nodes, EngineJson.Options),
            ["edges"] = JsonSerializer.SerializeToNode(graph.Edges, EngineJson.Options),
        };
        List<Suggestion> parsed = [];
        Task<string?> Check(JsonNode? json, CancellationToken _)
        {
            parsed.Clear();
            if (json?["suggestions"] is not JsonArray items)
            {
                return Task.FromResult<string?>("missing the 'suggestions' array");
            }

            foreach (var item in items)
            {
                var text = (string name) => item?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (text("message") is not { Length: > 0 } message || !Suggestion.Categories.Contains(text("category"))
                    || !Suggestion.Severities.Contains(text("severity")))
                {
                    return Task.FromResult<string?>("wrong: every suggestion needs a message, a known category and a known severity");
                }

                var nodeId = text("nodeId") is { } id && graph.Find(id) is not null ? id : null;
                parsed.Add(new Suggestion(nodeId, text("category")!, text("severity")!, message, Source: Suggestion.ModelSource));
            }

            return Task.FromResult<string?>(null);
        }

        await GenerationCall.AskAsync(model, instructions, workflow.ToJsonString(EngineJson.Options), Check, log, ct);
        return parsed;
    }
}

/// <summary>The suggestions for a workflow and the model that contributed (the offline model contributes none).</summary>
public sealed record OptimizationResult(IReadOnlyList<Suggestion> Suggestions, ChatModel Model);
