using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Operations.Security;

namespace Zygo.Engine.Nodes.Trigger;

/// <summary>Checks a manual run's input against the JSON schema in the trigger's <c>manualConfig.inputPayload</c>.</summary>
internal static partial class ManualInputSchema
{
    public static async Task ValidateAsync(string schemaJson, JsonNode input, string nodeName, CancellationToken cancellationToken)
    {
        var schema = await ParseAsync(schemaJson, nodeName, cancellationToken);
        List<string> errors;
        try
        {
            errors = Flatten(schema.Validate(input.ToJsonString())).ToList();
        }
        catch (ArgumentException ex)
        {
            // A "pattern" that is not a regular expression only shows when a string is checked against it.
            throw NotValid(nodeName, ex.Message);
        }

        if (errors.Count > 0)
        {
            throw new NodeFailedException(
                $"The input does not match the input schema of '{nodeName}': {string.Join("; ", errors)}.");
        }
    }

    private static async Task<JsonSchema> ParseAsync(string schemaJson, string nodeName, CancellationToken cancellationToken)
    {
        try
        {
            // NJsonSchema fails on anything but an object with an unhelpful error (or none, for null).
            if (JsonNode.Parse(schemaJson) is not JsonObject)
            {
                throw NotValid(nodeName, "it must be a JSON object, e.g. { \"type\": \"object\" }.");
            }

            return await JsonSchema.FromJsonAsync(schemaJson, documentPath: null, s => new LocalReferenceResolver(s), cancellationToken);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw NotValid(nodeName, ex.Message);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // NJsonSchema wraps a $ref refused by the (Security node's) local-only resolver in its own generic error,
            // while the refusal says what to change; Newtonsoft adds advice for .NET developers after the first line.
            var message = ex.GetBaseException() is NotSupportedException refused ? refused.Message : ex.Message.Split('\n')[0];
            throw NotValid(nodeName, message);
        }
    }

    private static NodeFailedException NotValid(string nodeName, string reason) =>
        new($"The input schema of '{nodeName}' (manualConfig.inputPayload) is not a valid JSON schema: {reason}");

    /// <summary>One line per error, the errors inside an array item or a oneOf/anyOf branch included.</summary>
    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            var children = error switch
            {
                ChildSchemaValidationError child => child.Errors.Values.SelectMany(e => e).ToList(),
                MultiTypeValidationError multi => multi.Errors.Values.SelectMany(e => e).ToList(),
                _ => [],
            };

            yield return $"{error.Path ?? "#"}: {Describe(error.Kind)}";
            foreach (var line in Flatten(children))
            {
                yield return line;
            }
        }
    }

    /// <summary><c>PropertyRequired</c> → <c>property required</c>.</summary>
    private static string Describe(ValidationErrorKind kind) => WordBoundary().Replace(kind.ToString(), " $1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
