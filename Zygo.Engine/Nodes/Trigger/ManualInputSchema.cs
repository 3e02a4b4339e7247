using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Trigger;

/// <summary>Checks a manual run's input against the JSON schema in the trigger's <c>manualConfig.inputPayload</c>.</summary>
internal static partial class ManualInputSchema
{
    public static async Task ValidateAsync(string schemaJson, JsonNode input, string nodeName, CancellationToken cancellationToken)
    {
        JsonSchema schema;
        try
        {
            schema = await JsonSchema.FromJsonAsync(schemaJson, documentPath: null, s => new LocalReferenceResolver(s), cancellationToken);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new NodeFailedException(
                $"The input schema of '{nodeName}' (manualConfig.inputPayload) is not a valid JSON schema: {ex.Message}");
        }

        var errors = Flatten(schema.Validate(input.ToJsonString())).ToList();
        if (errors.Count > 0)
        {
            throw new NodeFailedException(
                $"The input does not match the input schema of '{nodeName}': {string.Join("; ", errors)}.");
        }
    }

    /// <summary>One line per leaf error: "oneOf"/"anyOf" failures carry the errors of each branch inside them.</summary>
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
