using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>
/// Builds a redacted copy of a JSON document: whole values of secret-named fields, and secrets or personal data
/// found inside strings and numbers, become <c>[REDACTED:kind]</c>. The original is left untouched.
/// </summary>
internal sealed class Redactor
{
    private readonly IReadOnlyList<SecretDetector> _detectors;
    private readonly SecretFieldNames _fields;

    public Redactor(SecretPatterns patterns, IReadOnlyCollection<RedactionKind> kinds, IEnumerable<string> extraFields)
    {
        var selected = kinds.Count == 0 ? Enum.GetValues<RedactionKind>() : kinds;
        _detectors = patterns.Detectors.Where(d => selected.Contains(d.Kind)).ToList();
        _fields = new SecretFieldNames(selected.Contains(RedactionKind.Secret), extraFields);
    }

    /// <summary>The kind as workflows write it: <c>credit_card</c>.</summary>
    public static string KindName(RedactionKind kind) => JsonSerializer.SerializeToElement(kind, EngineJson.Options).GetString()!;

    public static string Placeholder(RedactionKind kind) => $"[REDACTED:{KindName(kind)}]";

    public JsonNode? Redact(JsonNode? node, List<Redaction> redactions, CancellationToken cancellationToken = default) =>
        Walk(node, "$", redactions, cancellationToken);

    private JsonNode? Walk(JsonNode? node, string path, List<Redaction> redactions, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    var childPath = $"{path}.{name}";
                    if (_fields.IsSecret(name) && IsRedactableValue(value))
                    {
                        redactions.Add(new Redaction(childPath, RedactionKind.Secret));
                        copy[name] = Placeholder(RedactionKind.Secret);
                    }
                    else
                    {
                        copy[name] = Walk(value, childPath, redactions, cancellationToken);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select((item, i) => Walk(item, $"{path}[{i}]", redactions, cancellationToken)).ToArray());
            case JsonValue value when value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number:
                var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                var found = redactions.Count;
                var redacted = RedactText(text, path, redactions);
                return redactions.Count == found ? value.DeepClone() : JsonValue.Create(redacted);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>True/false/null say nothing secret (<c>hasPassword: true</c>); anything else under a secret name goes.</summary>
    private static bool IsRedactableValue(JsonNode? value) =>
        value is not null && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null);

    /// <summary>The text with every detected secret replaced, each one recorded.</summary>
    private string RedactText(string text, string path, List<Redaction> redactions)
    {
        var result = text;
        foreach (var detector in _detectors)
        {
            try
            {
                result = detector.Pattern.Replace(result, match =>
                {
                    if (detector.Accept is { } accept && !accept(match.Value))
                    {
                        return match.Value;
                    }

                    redactions.Add(new Redaction(path, detector.Kind));
                    return Placeholder(detector.Kind);
                });
            }
            catch (RegexMatchTimeoutException)
            {
                // Failing closed: passing the value on unredacted is the one thing this node must not do.
                throw new NodeFailedException(
                    $"Looking for {KindName(detector.Kind)} data in the value at {path} took too long; nothing was passed on.");
            }
        }

        return result;
    }
}
