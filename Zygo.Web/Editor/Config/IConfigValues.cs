using System.Text.Json.Nodes;

namespace Zygo.Web.Editor.Config;

/// <summary>
/// The values a field editor reads and changes: the whole node config for top-level fields, or one item of a list
/// for the fields of that item. Paths are relative to it.
/// </summary>
public interface IConfigValues
{
    /// <summary>The node type the config belongs to.</summary>
    string NodeType { get; }

    /// <summary>The current values with defaults filled in, for editors that depend on another field.</summary>
    JsonObject Current { get; }

    JsonNode? Get(string path);

    /// <summary>Commits changes to one or more paths as one change; a null value removes the property.</summary>
    Task SetAsync(IReadOnlyList<KeyValuePair<string, JsonNode?>> changes);

    /// <summary>The validation message to show at the field, if any.</summary>
    string? ProblemAt(ConfigField field);
}

public static class ConfigValuesExtensions
{
    public static Task SetAsync(this IConfigValues values, string path, JsonNode? value) =>
        values.SetAsync([KeyValuePair.Create(path, value)]);

    public static string? GetString(this IConfigValues values, string path) =>
        values.Get(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
