using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Data;

/// <summary>Database values as JSON with their natural types: numbers, text, null, booleans, ISO 8601 dates, base64 blobs.</summary>
public static class DbValues
{
    /// <summary>The result's column names, made unique (<c>id</c>, <c>id_2</c>) and never empty, as JSON members must be.</summary>
    public static IReadOnlyList<string> ColumnNames(DbDataReader reader)
    {
        var names = new List<string>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            var baseName = string.IsNullOrEmpty(name) ? $"column{i + 1}" : name;
            var unique = baseName;
            for (var n = 2; names.Contains(unique, StringComparer.Ordinal); n++)
            {
                unique = $"{baseName}_{n}";
            }

            names.Add(unique);
        }

        return names;
    }

    public static JsonObject Row(DbDataReader reader, IReadOnlyList<string> columns)
    {
        var row = new JsonObject();
        for (var i = 0; i < columns.Count; i++)
        {
            row[columns[i]] = Field(reader, i);
        }

        return row;
    }

    public static JsonNode? Field(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ToJson(reader.GetValue(ordinal), reader.GetDataTypeName(ordinal));

    /// <param name="value">A non-null value from a reader.</param>
    /// <param name="dataTypeName">The column's declared type: SQLite keeps booleans as integers and JSON as text.</param>
    private static JsonNode? ToJson(object value, string dataTypeName) => value switch
    {
        long l when IsBooleanType(dataTypeName) => JsonValue.Create(l != 0),
        string s when IsJsonType(dataTypeName) => ParseJsonOrText(s),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        byte or sbyte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => JsonValue.Create(u),
        decimal d => JsonValue.Create(d),
        // JSON has no NaN or infinity: those travel as text.
        double d => double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(CultureInfo.InvariantCulture)),
        float f => double.IsFinite(f) ? JsonValue.Create((double)f) : JsonValue.Create(f.ToString(CultureInfo.InvariantCulture)),
        DateTime t => JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset t => JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture)),
        DateOnly d => JsonValue.Create(d.ToString("O", CultureInfo.InvariantCulture)),
        TimeOnly t => JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture)),
        TimeSpan t => JsonValue.Create(t.ToString("c", CultureInfo.InvariantCulture)),
        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
        IEnumerable items => new JsonArray(items.Cast<object?>()
            .Select(item => item is null ? null : ToJson(item, "")).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static bool IsBooleanType(string dataTypeName) =>
        dataTypeName.Equals("BOOLEAN", StringComparison.OrdinalIgnoreCase) || dataTypeName.Equals("BOOL", StringComparison.OrdinalIgnoreCase);

    private static bool IsJsonType(string dataTypeName) =>
        dataTypeName.Equals("json", StringComparison.OrdinalIgnoreCase) || dataTypeName.Equals("jsonb", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? ParseJsonOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
