using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema.Validation;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>Checks JSON data against a JSON schema given as text, with errors people can read and no data values in them.</summary>
internal static class SchemaValidation
{
    /// <param name="field">The config field holding the schema, as messages name it.</param>
    public static async Task<IReadOnlyList<SchemaError>> ValidateAsync(string schemaText, JsonNode? data, CancellationToken cancellationToken,
        string field = "schema")
    {
        if (string.IsNullOrWhiteSpace(schemaText))
        {
            throw new NodeFailedException($"'{field}' is required to validate: give the JSON schema the data must match.");
        }

        NodeFailedException Unusable(string reason) => new($"'{field}' is not a usable JSON schema: {reason}");
        var schema = await UserJsonSchema.LoadAsync(schemaText, Unusable, cancellationToken);
        return UserJsonSchema.Validate(schema, data, Unusable).Select(ToError).ToList();
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
