using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>Checks JSON data against a JSON schema given as text, with errors people can read and no data values in them.</summary>
internal static class SchemaValidation
{
    public static async Task<IReadOnlyList<SchemaError>> ValidateAsync(string schemaText, JsonNode? data, CancellationToken cancellationToken)
    {
        var schema = await LoadAsync(schemaText, cancellationToken);
        try
        {
            return schema.Validate(data?.ToJsonString() ?? "null").Select(ToError).ToList();
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new NodeFailedException($"The data could not be checked against the schema: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // A "pattern" that is not a regular expression only shows when a string is checked against it.
            throw new NodeFailedException($"'schema' is not a usable JSON schema: {ex.Message}");
        }
    }

    private static async Task<JsonSchema> LoadAsync(string schemaText, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(schemaText))
        {
            throw new NodeFailedException("'schema' is required to validate: give the JSON schema the data must match.");
        }

        try
        {
            // NJsonSchema fails on anything but an object with an unhelpful error (or a NullReferenceException for null).
            if (JsonNode.Parse(schemaText) is not JsonObject)
            {
                throw new NodeFailedException("'schema' is not a usable JSON schema: it must be a JSON object, e.g. { \"type\": \"object\" }.");
            }

            return await JsonSchema.FromJsonAsync(schemaText, documentPath: null, s => new LocalReferenceResolver(s), cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new NodeFailedException($"'schema' is not a usable JSON schema: it is not valid JSON ({ex.Message})");
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            // NJsonSchema wraps the refusal of LocalReferenceResolver: the innermost message says what is wrong.
            throw new NodeFailedException($"'schema' is not a usable JSON schema: {ex.GetBaseException().Message}");
        }
    }

    private static SchemaError ToError(ValidationError error)
    {
        var path = ToPath(error.Path);
        var kind = JsonNamingPolicy.SnakeCaseLower.ConvertName(error.Kind.ToString());
        var message = $"{path}: {kind.Replace('_', ' ')}";
        if (error is ChildSchemaValidationError child)
        {
            // anyOf/oneOf and array items fail because of their sub-schemas' errors: those say what is actually wrong.
            var reasons = child.Errors.Values.SelectMany(e => e).Select(e => ToError(e).Message).Distinct();
            message += $" ({string.Join("; ", reasons)})";
        }

        return new SchemaError(path, kind, message);
    }

    /// <summary>NJsonSchema writes <c>#/address.city</c>; the node writes paths as <c>$.address.city</c> everywhere.</summary>
    private static string ToPath(string? schemaPath) => schemaPath switch
    {
        null or "" or "#" or "#/" => "$",
        _ when schemaPath.StartsWith("#/", StringComparison.Ordinal) => "$." + schemaPath[2..],
        _ => schemaPath,
    };
}
