using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Operations.Security;

namespace Zygo.Engine.Nodes.Schema;

/// <summary>
/// JSON schemas that people write into a config (the trigger's input schema, the security node): only an object is
/// a schema, $refs stay inside it, and every way NJsonSchema can refuse one becomes the caller's clear message
/// instead of an exception from deep inside the library.
/// </summary>
internal static class UserJsonSchema
{
    /// <param name="invalid">Builds the node's failure from the reason the schema is unusable.</param>
    public static async Task<JsonSchema> LoadAsync(string text, Func<string, NodeFailedException> invalid, CancellationToken ct)
    {
        try
        {
            // NJsonSchema fails on anything but an object with an unhelpful error (or a NullReferenceException for null).
            if (JsonNode.Parse(text) is not JsonObject)
            {
                throw invalid("it must be a JSON object, e.g. { \"type\": \"object\" }.");
            }

            return await JsonSchema.FromJsonAsync(text, documentPath: null, s => new LocalReferenceResolver(s), ct);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw invalid(ex.Message);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // NJsonSchema wraps a $ref refused by the local-only resolver in its own generic error, while the refusal
            // says what to change; Newtonsoft adds advice for .NET developers after the first line.
            throw invalid(ex.GetBaseException() is NotSupportedException refused ? refused.Message : ex.Message.Split('\n')[0]);
        }
    }

    public static ICollection<ValidationError> Validate(JsonSchema schema, JsonNode? data, Func<string, NodeFailedException> invalid)
    {
        try
        {
            return schema.Validate(data?.ToJsonString() ?? "null");
        }
        catch (ArgumentException ex)
        {
            // A "pattern" that is not a regular expression only shows when a string is checked against it.
            throw invalid(ex.Message);
        }
    }
}
