using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>
/// Guards data on its way through a workflow: checks it against a JSON schema, and/or hands on a copy with secrets
/// and personal data replaced by <c>[REDACTED:kind]</c>. Output: <c>{ valid, errors, redactions, data }</c>
/// (the fields of the chosen operations).
/// </summary>
public sealed class SecurityNodeType : NodeType<SecurityConfig>
{
    private const int ErrorsInMessage = 10;

    public override string Id => "security";
    public override string Label => "Security";
    public override NodeCategory Category => NodeCategory.Operations;
    public override string Icon => "Shield";
    public override string Color => "#DC2626";
    public override string Description => "Implement security measures and validation";

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, SecurityConfig config, CancellationToken cancellationToken)
    {
        var data = SelectData(context, config);
        var output = new JsonObject();

        if (config.Operation is SecurityOperation.ValidateSchema or SecurityOperation.Both)
        {
            var errors = await SchemaValidation.ValidateAsync(config.Schema, data, cancellationToken);
            if (errors.Count > 0 && config.FailOnInvalid)
            {
                throw new NodeFailedException(InvalidMessage(errors));
            }

            context.Log(errors.Count == 0 ? "The data matches the schema." : $"The data does not match the schema ({errors.Count} errors).");
            output["valid"] = errors.Count == 0;
            output["errors"] = new JsonArray(errors
                .Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["kind"] = e.Kind, ["message"] = e.Message })
                .ToArray());
        }

        if (config.Operation is SecurityOperation.Redact or SecurityOperation.Both)
        {
            var redactions = new List<Redaction>();
            data = new Redactor(SecretPatterns.Default, config.RedactKinds, config.RedactFields).Redact(data, redactions, cancellationToken);
            context.Log($"Redacted {redactions.Count} values.");
            output["redactions"] = new JsonArray(redactions
                .Select(r => (JsonNode)new JsonObject { ["path"] = r.Path, ["kind"] = Redactor.KindName(r.Kind) })
                .ToArray());
        }

        output["data"] = data?.DeepClone();
        return NodeOutcome.Of(output);
    }

    /// <summary>
    /// <c>data</c> left out or empty means the node's input. A reference that leads nowhere is a mistake in the
    /// workflow, not data that happens to be empty: say so instead of checking an empty string.
    /// </summary>
    private static JsonNode? SelectData(NodeContext context, SecurityConfig config)
    {
        if (!context.Node.Config.TryGetPropertyValue("data", out var raw) || raw is null
            || (raw is JsonValue value && value.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text)))
        {
            return context.Input;
        }

        if (raw is JsonValue reference && reference.TryGetValue<string>(out var template)
            && TemplateResolver.References(template).FirstOrDefault(p => !TemplateResolver.TryLookup(p, context.Scope, out _)) is { } path)
        {
            throw new NodeFailedException($"'data' refers to {{{{{path}}}}}, which does not exist in this run.");
        }

        return config.Data;
    }

    private static string InvalidMessage(IReadOnlyList<SchemaError> errors)
    {
        var listed = string.Join("; ", errors.Take(ErrorsInMessage).Select(e => e.Message));
        var more = errors.Count > ErrorsInMessage ? $"; and {errors.Count - ErrorsInMessage} more" : "";
        return $"The data does not match the schema: {listed}{more}.";
    }
}
