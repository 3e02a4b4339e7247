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
/// repair request quoting what was wrong (<see cref="StructuredOutput"/>), and fails the node if it is still wrong.
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
        var output = new JsonObject
        {
            ["format"] = JsonSerializer.SerializeToNode(config.OutputFormat, EngineJson.Options),
            ["offline"] = model.IsOffline,
            ["model"] = model.Model,
        };

        if (config.OutputFormat == LlmOutputFormat.Json)
        {
            StructuredAnswer answer;
            try
            {
                answer = await StructuredOutput.AskAsync(model.Client, messages, options, (json, ct) => CheckAsync(json, config.JsonSchema, ct),
                    maxRepairs: 1, usage, context.Log, cancellationToken);
            }
            catch (StructuredOutputException ex)
            {
                throw new NodeFailedException(ex.Message);
            }

            output["text"] = answer.Text;
            output["json"] = answer.Json;
            output["repaired"] = answer.Repairs > 0;
        }
        else
        {
            var response = await model.Client.GetResponseAsync(messages, options, cancellationToken);
            usage.Add(response.Usage ?? new UsageDetails());
            output["text"] = response.Text;
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

    /// <summary>What is wrong with the parsed answer against <c>jsonSchema</c>, in words the model can act on.</summary>
    private static async Task<string?> CheckAsync(JsonNode? json, string? schema, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(schema))
        {
            return null;
        }

        var errors = await SchemaValidation.ValidateAsync(schema, json, ct, "jsonSchema");
        return errors.Count == 0 ? null : $"not valid against the JSON schema: {string.Join("; ", errors.Select(e => e.Message))}";
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
