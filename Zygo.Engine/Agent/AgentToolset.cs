using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes;

namespace Zygo.Engine.Agent;

/// <summary>
/// The tools of one agent run and how a call to one of them ends: the node and its sub-flow run through the
/// runner; a failure, a timeout, an unknown name or unreadable arguments become an observation for the model.
/// </summary>
public sealed class AgentToolset
{
    /// <summary>Longest tool result the model reads; longer ones are cut with a note, the record keeps them whole.</summary>
    public const int MaxResultChars = 8000;

    private readonly IToolRunner? _runner;
    private readonly Dictionary<string, AgentTool> _byName;

    private AgentToolset(IToolRunner? runner, IReadOnlyList<AgentTool> tools, IReadOnlyList<string> unavailable)
    {
        _runner = runner;
        Tools = tools;
        Unavailable = unavailable;
        _byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<AgentTool> Tools { get; }

    /// <summary>Labels of wired nodes not offered because their type cannot run in this build.</summary>
    public IReadOnlyList<string> Unavailable { get; }

    public static AgentToolset Build(IToolRunner? runner, NodeTypeRegistry registry)
    {
        var nodes = runner?.Tools ?? [];
        var names = ToolNames.Unique(nodes.Select(n => n.DisplayName));
        var tools = new List<AgentTool>();
        var unavailable = new List<string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (registry.Find(node.Type) is not { IsAvailable: true } type)
            {
                unavailable.Add(node.DisplayName);
                continue;
            }

            var description = string.IsNullOrWhiteSpace(node.Description) ? type.Description : node.Description;
            var schema = JsonSerializer.SerializeToElement(ToolSchemas.For(node, type));
            tools.Add(new AgentTool(names[i], node, AIFunctionFactory.CreateDeclaration(names[i], description, schema)));
        }

        return new AgentToolset(runner, tools, unavailable);
    }

    public AgentTool? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Runs one call; never throws except when the whole agent is cancelled.</summary>
    public async Task<ToolObservation> CallAsync(string callId, string name, JsonObject? arguments, string? argumentError,
        int callNumber, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ToolObservation End(string outcome, string text, string? nodeId, JsonNode? result = null) =>
            new(callId, name, nodeId, arguments?.DeepClone(), outcome, text, result, clock.Elapsed.TotalMilliseconds);

        if (Find(name) is not { } tool || _runner is null)
        {
            return End(ToolOutcomes.UnknownTool,
                $"Error: there is no tool named '{name}'. Available tools: {string.Join(", ", Tools.Select(t => t.Name))}.", null);
        }

        if (argumentError is not null)
        {
            return End(ToolOutcomes.InvalidArguments, $"Error: the arguments were not valid JSON ({argumentError}). Call the tool again with a JSON object.", tool.Node.Id);
        }

        if (MissingRequired(tool, arguments) is { Count: > 0 } missing)
        {
            return End(ToolOutcomes.InvalidArguments, $"Error: missing required argument(s): {string.Join(", ", missing)}.", tool.Node.Id);
        }

        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        callCts.CancelAfter(timeout);
        try
        {
            var result = await _runner.RunAsync(tool.Node, arguments ?? [], $"{callNumber} {tool.Name}", callCts.Token);
            return End(ToolOutcomes.Ok, Truncate(result is null ? "null" : result.ToJsonString(EngineJson.Options)), tool.Node.Id, result);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return End(ToolOutcomes.Timeout, $"Error: the tool did not finish within {timeout.TotalMilliseconds:0} ms and was stopped.", tool.Node.Id);
        }
        catch (NodeFailedException ex)
        {
            return End(ToolOutcomes.Error, $"Error: {ex.Message}", tool.Node.Id);
        }
    }

    private static List<string> MissingRequired(AgentTool tool, JsonObject? arguments) =>
        tool.Declaration.JsonSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(r => r.GetString()!).Where(r => arguments?[r] is null).ToList()
            : [];

    private static string Truncate(string text) =>
        text.Length <= MaxResultChars ? text : $"{text[..MaxResultChars]}… (truncated: {text.Length - MaxResultChars} more characters)";
}
