using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Agent;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Operations.Security;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>
/// One model call: the prompt template (its {{…}} resolved with the run's values), the generation parameters, and an
/// answer as text, Markdown or JSON. A JSON answer is checked against <c>jsonSchema</c>; a wrong one gets a single
/// repair request quoting what was wrong, and fails the node if it is still wrong.
/// </summary>
public sealed class LlmNodeType : NodeType<LLMConfigData>
{
    public override string Id => "llm";
    public override string Label => "LLM";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Sparkles";
    public override string Color => "#DB2777";
    public override string Description => "Process with AI model (OpenAI, Anthropic, Google, etc.)";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("prompt", "string", "The text for the model to work on.", Required: true));

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, LLMConfigData config, CancellationToken cancellationToken)
    {
        var prompt = string.IsNullOrWhiteSpace(config.UserPromptTemplate) ? AgentRequest.From(context.Input).Message : config.UserPromptTemplate;
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new NodeFailedException($"'{context.Node.DisplayName}' has no prompt: fill 'userPromptTemplate' or give it an input with a 'prompt'.");
        }

        var schema = config.OutputFormat == LlmOutputFormat.Json && !string.IsNullOrWhiteSpace(config.JsonSchema)
            ? ParseSchema(config.JsonSchema!)
            : (JsonElement?)null;
        var model = await context.Services.GetRequiredService<ChatClientFactory>().CreateAsync(context, config, "apiKey", cancellationToken);
        List<ChatMessage> messages = [];
        if (!string.IsNullOrWhiteSpace(config.SystemPrompt))
        {
            messages.Add(new ChatMessage(ChatRole.System, config.SystemPrompt));
        }

        messages.Add(new ChatMessage(ChatRole.User, prompt));
        var options = Options(config, model, schema);
        var usage = new UsageDetails();
        var response = await AskAsync(model, messages, options, usage, cancellationToken);
        var output = new JsonObject
        {
            ["text"] = response.Text,
            ["format"] = JsonSerializer.SerializeToNode(config.OutputFormat, EngineJson.Options),
            ["offline"] = model.IsOffline,
            ["model"] = model.Model,
        };

        if (config.OutputFormat == LlmOutputFormat.Json)
        {
            var (json, problem) = await CheckAsync(response.Text, config.JsonSchema, cancellationToken);
            var repaired = problem is not null;
            if (repaired)
            {
                context.Log($"The answer was {problem}; asking the model once to repair it.");
                messages.AddRange(response.Messages);
                messages.Add(new ChatMessage(ChatRole.User, $"Your answer was {problem}. Reply again with only the corrected JSON, nothing else."));
                response = await AskAsync(model, messages, options, usage, cancellationToken);
                (json, problem) = await CheckAsync(response.Text, config.JsonSchema, cancellationToken);
                if (problem is not null)
                {
                    throw new NodeFailedException($"The model's answer was still {problem} after one repair attempt.");
                }

                output["text"] = response.Text;
            }

            output["json"] = json;
            output["repaired"] = repaired;
        }

        output["usage"] = new JsonObject { ["inputTokens"] = usage.InputTokenCount ?? 0, ["outputTokens"] = usage.OutputTokenCount ?? 0 };
        return NodeOutcome.Of(output);
    }

    private static ChatOptions Options(LLMConfigData config, ChatModel model, JsonElement? schema) => new()
    {
        ModelId = model.Model,
        Temperature = (float)config.Temperature,
        MaxOutputTokens = config.MaxTokens > 0 ? config.MaxTokens : null,
        TopP = (float)config.TopP,
        FrequencyPenalty = (float)config.FrequencyPenalty,
        PresencePenalty = (float)config.PresencePenalty,
        ResponseFormat = config.OutputFormat != LlmOutputFormat.Json ? null
            : schema is { } s ? ChatResponseFormat.ForJsonSchema(s, "answer") : ChatResponseFormat.Json,
    };

    private static async Task<ChatResponse> AskAsync(ChatModel model, List<ChatMessage> messages, ChatOptions options, UsageDetails usage,
        CancellationToken cancellationToken)
    {
        var response = await model.Client.GetResponseAsync(messages, options, cancellationToken);
        usage.Add(response.Usage ?? new UsageDetails());
        return response;
    }

    /// <summary>The parsed answer, or what is wrong with it in words the model can act on.</summary>
    private static async Task<(JsonNode? Json, string? Problem)> CheckAsync(string text, string? schema, CancellationToken ct)
    {
        var (json, error) = JsonAnswer.Parse(text);
        if (error is not null || string.IsNullOrWhiteSpace(schema))
        {
            return (json, error);
        }

        var errors = await SchemaValidation.ValidateAsync(schema, json, ct, "jsonSchema");
        return errors.Count == 0 ? (json, null) : (json, $"not valid against the JSON schema: {string.Join("; ", errors.Select(e => e.Message))}");
    }

    private static JsonElement ParseSchema(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new NodeFailedException("'jsonSchema' must be a JSON object, e.g. { \"type\": \"object\" }.");
        }
        catch (JsonException ex)
        {
            throw new NodeFailedException($"'jsonSchema' is not valid JSON: {ex.Message}");
        }
    }
}
