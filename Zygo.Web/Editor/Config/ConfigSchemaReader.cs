using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Web.Editor.Config;

/// <summary>
/// Reads a node type's config schema (as <see cref="Zygo.Engine.Nodes.Schema.NodeTypeSchemas"/> derives it) into the
/// fields of the form: resolves <c>$ref</c>s and the <c>oneOf</c> wrappers NJsonSchema writes around described or
/// nullable references, and picks each field's editor.
/// </summary>
public sealed class ConfigSchemaReader
{
    private const string ApiKey = "apiKey";
    private const string ApiKeyVariableId = "apiKeyVariableId";

    private readonly string _nodeType;
    private readonly JsonElement _definitions;

    private ConfigSchemaReader(string nodeType, JsonElement schema)
    {
        _nodeType = nodeType;
        _definitions = schema.TryGetProperty("definitions", out var d) ? d : default;
    }

    /// <summary>The top-level fields of the config, in schema order.</summary>
    public static IReadOnlyList<ConfigField> Read(string nodeType, JsonElement schema) =>
        new ConfigSchemaReader(nodeType, schema).ObjectFields(schema, "");

    private List<ConfigField> ObjectFields(JsonElement schema, string parent)
    {
        var fields = new List<ConfigField>();
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return fields;
        }

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        var names = properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var pairsKeyWithId = names.Contains(ApiKey) && names.Contains(ApiKeyVariableId);
        foreach (var property in properties.EnumerateObject())
        {
            if (pairsKeyWithId && property.Name == ApiKeyVariableId)
            {
                // Edited together with the key, by the credential field.
                continue;
            }

            var field = Field(property.Name, ConfigPath.Combine(parent, property.Name), property.Value) with
            {
                Required = required.Contains(property.Name),
            };
            if (pairsKeyWithId && property.Name == ApiKey)
            {
                field = field with
                {
                    Kind = FieldKind.Credential,
                    Label = "API key",
                    Description = "Prefer a saved variable: the workflow then keeps only its name, and the key stays encrypted.",
                    VariableIdPath = ConfigPath.Combine(parent, ApiKeyVariableId),
                    Service = names.Contains("provider")
                        ? new CredentialService(null, ConfigPath.Combine(parent, "provider"))
                        : new CredentialService(FieldHints.ServiceOf(_nodeType)),
                };
            }

            fields.Add(field);
        }

        return WithCompanions(fields);
    }

    /// <summary>The evaluation mode decides how conditions combine, so the conditions editor shows it above them.</summary>
    private static List<ConfigField> WithCompanions(List<ConfigField> fields)
    {
        var conditions = fields.FindIndex(f => f.Kind == FieldKind.Conditions);
        var mode = fields.FindIndex(f => f.Name == "evaluationMode");
        if (conditions < 0 || mode < 0)
        {
            return fields;
        }

        fields[conditions] = fields[conditions] with { Companions = [fields[mode]] };
        fields.RemoveAt(mode);
        return fields;
    }

    private ConfigField Field(string name, string path, JsonElement property)
    {
        var description = Text(property, "description");
        var (schema, definition, nullable) = Unwrap(property);
        description ??= definition is null ? null : NonEmpty(Text(schema, "description"));
        var field = new ConfigField(name, path, FieldKind.Text)
        {
            Label = FieldLabels.Humanize(name),
            Description = description,
            Nullable = nullable,
            Definition = definition,
        };

        if (schema.ValueKind != JsonValueKind.Object || (!schema.TryGetProperty("type", out _) && !schema.TryGetProperty("enum", out _)))
        {
            return field with { Kind = FieldKind.AnyValue };
        }

        if (Choices(schema) is { Count: > 0 } choices)
        {
            return field with { Kind = FieldKind.Choice, Choices = choices };
        }

        return TypeOf(schema) switch
        {
            "boolean" => field with { Kind = FieldKind.Switch },
            "integer" or "number" => field with
            {
                Kind = FieldKind.Number,
                Range = FieldHints.RangeOf(name, TypeOf(schema) == "integer", Number(schema, "minimum"), Number(schema, "maximum")),
            },
            "array" => ArrayField(field, schema),
            "object" => ObjectField(field, schema),
            _ => StringField(field),
        };
    }

    private ConfigField StringField(ConfigField field) => FieldHints.StringKind(field.Name) switch
    {
        FieldKind.Credential => field with { Kind = FieldKind.Credential, Service = new CredentialService(FieldHints.ServiceOf(_nodeType)) },
        FieldKind.Choice => field with { Kind = FieldKind.Choice, Choices = FieldHints.ChoicesOf(field.Name) },
        { } kind => field with { Kind = kind },
        null => field,
    };

    private ConfigField ArrayField(ConfigField field, JsonElement schema)
    {
        if (!schema.TryGetProperty("items", out var items))
        {
            return field with { Kind = FieldKind.AnyValue };
        }

        var (item, definition, _) = Unwrap(items);
        if (Choices(item) is { Count: > 0 } choices)
        {
            return field with { Kind = FieldKind.MultiChoice, Choices = choices };
        }

        return (TypeOf(item), definition) switch
        {
            ("object", "Condition") => field with { Kind = FieldKind.Conditions, Definition = definition, Children = ObjectFields(item, "") },
            ("object", _) when IsKeyValue(item) => field with { Kind = FieldKind.KeyValueList, Definition = definition },
            ("object", _) => field with
            {
                Kind = FieldKind.ObjectList,
                Definition = definition,
                Children = ObjectFields(item, ""),
            },
            _ => field with { Kind = FieldKind.TextList },
        };
    }

    private ConfigField ObjectField(ConfigField field, JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out _))
        {
            return field with { Kind = FieldKind.JsonObject };
        }

        var kind = field.Definition switch
        {
            "HttpAuthentication" => FieldKind.HttpAuthentication,
            "MemorySearchFilters" => FieldKind.MemoryFilters,
            _ => FieldKind.Section,
        };
        // "Webhook config" reads as "Webhook" under a section heading.
        var label = field.Label.EndsWith(" config", StringComparison.Ordinal) ? field.Label[..^" config".Length] : field.Label;
        return field with { Kind = kind, Label = label, Children = ObjectFields(schema, field.Path) };
    }

    /// <summary>The schema a property stands for, the definition it references, and whether null is allowed.</summary>
    private (JsonElement Schema, string? Definition, bool Nullable) Unwrap(JsonElement property)
    {
        var nullable = false;
        var schema = property;
        if (property.TryGetProperty("oneOf", out var oneOf))
        {
            var options = oneOf.EnumerateArray().ToList();
            nullable = options.Any(o => TypeOf(o) == "null");
            var rest = options.Where(o => TypeOf(o) != "null").ToList();
            // {} among the options: any JSON value.
            schema = rest.Count == 1 ? rest[0] : default;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
        {
            nullable |= type.EnumerateArray().Any(t => t.GetString() == "null");
        }

        string? definition = null;
        if (schema.ValueKind == JsonValueKind.Object && Text(schema, "$ref") is { } reference && _definitions.ValueKind == JsonValueKind.Object)
        {
            definition = reference.Split('/')[^1];
            schema = _definitions.TryGetProperty(definition, out var resolved) ? resolved : default;
        }

        return (schema, definition, nullable);
    }

    /// <summary>The schema's type, ignoring <c>null</c> in a type list.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
            : type.GetString();
    }

    private static List<string> Choices(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static bool IsKeyValue(JsonElement item) =>
        item.TryGetProperty("properties", out var p) && p.EnumerateObject().Select(x => x.Name).Order().SequenceEqual(["key", "value"]);

    private static string? Text(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    private static double? Number(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
