using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Operations.Security;

namespace Zygo.Engine.Memory;

/// <summary>
/// Takes secrets out of what is about to be remembered, with the security node's detectors: keys, tokens, JWTs, card
/// numbers in any text, and the values of secret-named fields when the text is a JSON object.
/// </summary>
internal sealed class MemoryRedaction
{
    private static readonly RedactionKind[] SecretKinds =
        [RedactionKind.Secret, RedactionKind.ApiKey, RedactionKind.BearerToken, RedactionKind.Jwt, RedactionKind.CreditCard];

    private readonly Redactor _redactor = new(SecretPatterns.Default, SecretKinds, []);

    /// <summary>Each redaction as the field it was in and its kind; never the value.</summary>
    public List<(string Field, string Kind)> Found { get; } = [];

    public string Redact(string text, string field, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var redactions = new List<Redaction>();
        var structured = ParseObject(text);
        var result = structured is not null
            ? _redactor.Redact(structured, redactions, ct)!.ToJsonString()
            : _redactor.Redact(JsonValue.Create(text), redactions, ct)!.GetValue<string>();
        Found.AddRange(redactions.Select(r => (field, Redactor.KindName(r.Kind))));
        return redactions.Count == 0 ? text : result;
    }

    private static JsonObject? ParseObject(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
