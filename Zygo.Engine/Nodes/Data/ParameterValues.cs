using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Data;

/// <summary>
/// Turns the configured parameters (and an agent's <c>parameters</c> argument) into named CLR values for
/// DbParameters. Values are only ever bound, so nothing here can change the statement.
/// </summary>
public static partial class ParameterValues
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    /// <summary>Bare parameter names (no prefix) with the values to bind, DBNull for null.</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> Build(IEnumerable<QueryParameter> configured, JsonNode? input)
    {
        var parameters = new List<QueryParameter>();
        foreach (var parameter in configured)
        {
            var name = BareName(parameter.Name);
            if (parameters.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new NodeFailedException($"The parameter '{name}' is listed twice; give each parameter one row.");
            }

            parameters.Add(parameter with { Name = name });
        }

        // An agent fills values by name (keeping the configured type); it can add values but never touch the SQL.
        if (input is JsonObject args && args["parameters"] is JsonObject supplied)
        {
            foreach (var (rawName, value) in supplied)
            {
                var name = BareName(rawName);
                var index = parameters.FindIndex(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    parameters[index] = parameters[index] with { Value = value };
                }
                else
                {
                    parameters.Add(new QueryParameter { Name = name, Value = value });
                }
            }
        }

        return parameters.Select(p => KeyValuePair.Create(p.Name, Convert(p))).ToList();
    }

    private static string BareName(string name)
    {
        var bare = name.Trim().TrimStart('@');
        if (!Identifier().IsMatch(bare))
        {
            throw new NodeFailedException(name.Trim().Length == 0
                ? "A parameter has no name; name it as in the SQL (e.g. email for @email)."
                : $"The parameter name '{name}' is not valid; use letters, digits and underscores (e.g. email for @email).");
        }

        return bare;
    }

    private static object Convert(QueryParameter parameter)
    {
        var value = parameter.Value;
        if (value is null || value.GetValueKind() == JsonValueKind.Null)
        {
            return DBNull.Value;
        }

        var converted = parameter.Type switch
        {
            QueryParameterType.Auto => Auto(value),
            QueryParameterType.Text => Text(value),
            QueryParameterType.Integer => long.TryParse(Text(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            QueryParameterType.Decimal => decimal.TryParse(Text(value), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null,
            QueryParameterType.Boolean => Boolean(value),
            // The same instant in UTC: PostgreSQL only takes UTC offsets; a value without an offset counts as UTC.
            QueryParameterType.DateTime => DateTimeOffset.TryParse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.ToUniversalTime() : null,
            _ => null,
        };
        return converted ?? throw new NodeFailedException(
            $"The parameter '{parameter.Name}' should be {Describe(parameter.Type)} but its value is {Shorten(value.ToJsonString())}.");
    }

    private static object Auto(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => Number(value.ToJsonString()),
        // Objects and arrays travel as their JSON text (for JSON columns).
        _ => value.ToJsonString(),
    };

    // Whole numbers bind as integers, others as decimals (exact), doubles only beyond decimal's range.
    private static object Number(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
        : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : double.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    private static object? Boolean(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Text(value).Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => null,
        },
    };

    private static string Describe(QueryParameterType type) => type switch
    {
        QueryParameterType.Integer => "an integer",
        QueryParameterType.Decimal => "a number",
        QueryParameterType.Boolean => "true or false",
        QueryParameterType.DateTime => "a date and time (ISO 8601)",
        _ => "text",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
