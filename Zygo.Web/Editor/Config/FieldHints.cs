namespace Zygo.Web.Editor.Config;

/// <summary>
/// What the JSON schema cannot say about a field and the form needs: which strings are prompts, code, JSON text or
/// secrets, and the ranges the descriptions of numbers state in words. Keyed by property name, so a new node type
/// with a <c>systemPrompt</c> or a <c>temperature</c> gets the same editor. A range in the schema itself
/// (<c>minimum</c>/<c>maximum</c>, e.g. from <c>[Range]</c>) wins over these.
/// </summary>
public static class FieldHints
{
    private static readonly HashSet<string> PromptFields = new(StringComparer.Ordinal)
    {
        "systemPrompt", "prompt", "userPromptTemplate", "systemPromptOverride", "template", "body", "content", "summary",
        "evidence", "description",
    };

    private static readonly HashSet<string> CodeFields = new(StringComparer.Ordinal) { "code", "sql" };

    private static readonly HashSet<string> JsonTextFields = new(StringComparer.Ordinal)
    {
        "inputPayload", "samplePayload", "schema", "jsonSchema", "relationshipLinks", "contextMetadata",
    };

    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal) { "password", "token", "apiKey", "connectionString" };

    /// <summary>Choices of fields the engine types as free text but accepts only a few values of.</summary>
    private static readonly Dictionary<string, string[]> TextChoices = new(StringComparer.Ordinal)
    {
        ["method"] = ["GET", "POST", "PUT", "PATCH", "DELETE"],
    };

    private static readonly Dictionary<string, (double? Min, double? Max, double Step)> Ranges = new(StringComparer.Ordinal)
    {
        ["temperature"] = (0, 2, 0.1),
        ["topP"] = (0, 1, 0.05),
        ["frequencyPenalty"] = (-2, 2, 0.1),
        ["presencePenalty"] = (-2, 2, 0.1),
        ["threshold"] = (0, 1, 0.05),
        ["scoreThreshold"] = (0, 1, 0.05),
        ["confidence"] = (0, 1, 0.05),
        ["minSuccessRate"] = (0, 1, 0.05),
        ["minConfidence"] = (0, 100, 1),
        ["trustLlmThreshold"] = (0, 100, 1),
        ["maxTokens"] = (1, null, 1),
        ["maxIterations"] = (1, null, 1),
        ["maxParallel"] = (1, null, 1),
        ["topK"] = (1, null, 1),
        ["smtpPort"] = (1, 65535, 1),
        ["olderThanDays"] = (1, null, 1),
        ["windowHours"] = (1, 8784, 1),
    };

    /// <summary>Default services of secrets, by node type, for the variable picker.</summary>
    private static readonly Dictionary<string, string> NodeServices = new(StringComparer.Ordinal)
    {
        ["email"] = "smtp",
        ["data"] = "database",
        ["http_api"] = "http",
    };

    public static FieldKind? StringKind(string name) =>
        CodeFields.Contains(name) ? FieldKind.Code
        : PromptFields.Contains(name) ? FieldKind.Prompt
        : JsonTextFields.Contains(name) ? FieldKind.JsonText
        : SecretFields.Contains(name) ? FieldKind.Credential
        : TextChoices.ContainsKey(name) ? FieldKind.Choice
        : null;

    public static IReadOnlyList<string> ChoicesOf(string name) => TextChoices.GetValueOrDefault(name) ?? [];

    /// <summary>The range of a number field; numbers without a known range only refuse negatives.</summary>
    public static NumberRange RangeOf(string name, bool wholeNumbers, double? schemaMinimum, double? schemaMaximum)
    {
        var hinted = Ranges.TryGetValue(name, out var known);
        var (min, max, step) = hinted ? known : (0, null, wholeNumbers ? 1 : 0.1);
        return new NumberRange(schemaMinimum ?? min, schemaMaximum ?? max, wholeNumbers ? Math.Max(1, step) : step, wholeNumbers,
            Stated: hinted || schemaMinimum is not null || schemaMaximum is not null);
    }

    /// <summary>
    /// Whether a section starts unfolded: the trigger's <c>chatConfig</c> … <c>webhookConfig</c> only when they belong
    /// to the chosen <c>triggerMode</c> (the others do not apply); every other section does.
    /// </summary>
    public static bool StartsOpen(ConfigField section, IConfigValues values) =>
        values.GetString("triggerMode") is not { } mode || !section.Name.EndsWith("Config", StringComparison.Ordinal)
        || section.Name == mode + "Config";

    public static string? ServiceOf(string nodeType) => NodeServices.GetValueOrDefault(nodeType);
}
