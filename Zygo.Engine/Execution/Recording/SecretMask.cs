using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Execution.Recording;

/// <summary>
/// Hides the values of the tenant variables a run decrypted wherever the run is recorded or streamed — node inputs,
/// outputs, errors, logs, events and the run's output — so a node that passes a secret on (say, a code node
/// returning <c>{{API_TOKEN}}</c>) does not leave it in the history. Between nodes the values flow untouched.
/// </summary>
public sealed class SecretMask
{
    public const string Replacement = "***";

    /// <summary>Shorter values would mask ordinary text ("1", "yes") and say little about the secret anyway.</summary>
    private const int MinLength = 4;

    private readonly string[] _secrets;

    public SecretMask(IEnumerable<string> values) =>
        // Longest first, so a secret that contains another is replaced whole.
        _secrets = values.Where(v => v.Length >= MinLength).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length).ToArray();

    public bool IsEmpty => _secrets.Length == 0;

    public string? Apply(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Replacement, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Masks the strings of a tree the caller owns, in place; returns the (possibly replaced) root.</summary>
    public JsonNode? ApplyInPlace(JsonNode? node)
    {
        if (_secrets.Length == 0 || node is null)
        {
            return node;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[name];
                    var masked = ApplyInPlace(value);
                    if (!ReferenceEquals(masked, value))
                    {
                        obj[name] = masked;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var value = array[i];
                    var masked = ApplyInPlace(value);
                    if (!ReferenceEquals(masked, value))
                    {
                        array[i] = masked;
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var result = Apply(text)!;
                return ReferenceEquals(result, text) ? value : JsonValue.Create(result);
            default:
                return node;
        }
    }
}
