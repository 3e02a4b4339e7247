using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema.Validation;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Trigger;

/// <summary>Checks a manual run's input against the JSON schema in the trigger's <c>manualConfig.inputPayload</c>.</summary>
internal static partial class ManualInputSchema
{
    public static async Task ValidateAsync(string schemaJson, JsonNode input, string nodeName, CancellationToken cancellationToken)
    {
        var schema = await UserJsonSchema.LoadAsync(schemaJson, reason => NotValid(nodeName, reason), cancellationToken);
        var errors = Flatten(UserJsonSchema.Validate(schema, input, reason => NotValid(nodeName, reason))).ToList();
        if (errors.Count > 0)
        {
            throw new NodeFailedException(
                $"The input does not match the input schema of '{nodeName}': {string.Join("; ", errors)}.");
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
