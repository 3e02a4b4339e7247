using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zygo.Engine.Execution;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>
/// Tests JSON values against the spec's condition operators (see <see cref="ConditionOperator"/> for the rules) and
/// joins several results. A missing value (null) counts as empty: <c>""</c> for text operators, never ordered.
/// </summary>
public static class ConditionEvaluator
{
    /// <summary>How long one regular expression may run: a pathological pattern must not stall the run.</summary>
    public static readonly TimeSpan RegexMatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether <paramref name="actual"/> satisfies <paramref name="op"/> against <paramref name="expected"/>.</summary>
    /// <param name="subject">Names the condition in error messages, e.g. "condition 'vip' of 'Route'".</param>
    public static bool Holds(ConditionOperator op, JsonNode? actual, string expected, string subject) => op switch
    {
        ConditionOperator.Equals => AreEqual(actual, expected),
        ConditionOperator.NotEquals => !AreEqual(actual, expected),
        ConditionOperator.GreaterThan => Compare(actual, expected) > 0,
        ConditionOperator.LessThan => Compare(actual, expected) < 0,
        ConditionOperator.Gte => Compare(actual, expected) >= 0,
        ConditionOperator.Lte => Compare(actual, expected) <= 0,
        ConditionOperator.Contains => Contains(actual, expected),
        ConditionOperator.NotContains => !Contains(actual, expected),
        ConditionOperator.StartsWith => Text(actual).StartsWith(expected, StringComparison.Ordinal),
        ConditionOperator.EndsWith => Text(actual).EndsWith(expected, StringComparison.Ordinal),
        ConditionOperator.IsEmpty => IsEmpty(actual),
        ConditionOperator.IsNotEmpty => !IsEmpty(actual),
        ConditionOperator.RegexMatch => Matches(Text(actual), expected, subject),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown condition operator."),
    };

    /// <summary>
    /// Joins results left to right, no precedence: each condition's <see cref="Condition.LogicGate"/> (or, without
    /// one, AND when <paramref name="requireAll"/>, else OR) joins it to the result so far. No conditions: true.
    /// </summary>
    public static bool Combine(IReadOnlyList<Condition> conditions, IReadOnlyList<bool> results, bool requireAll)
    {
        if (results.Count == 0)
        {
            return true;
        }

        var fallback = requireAll ? LogicGate.And : LogicGate.Or;
        var outcome = results[0];
        for (var i = 1; i < results.Count; i++)
        {
            outcome = (conditions[i].LogicGate ?? fallback) == LogicGate.And ? outcome && results[i] : outcome || results[i];
        }

        return outcome;
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.Null || (v.TryGetValue<string>(out var s) && s.Length == 0),
        _ => false,
    };

    private static bool AreEqual(JsonNode? actual, string expected)
    {
        if (CompareNumbers(actual, expected) is { } order)
        {
            return order == 0;
        }

        if (actual is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False && bool.TryParse(expected, out var flag))
        {
            return (v.GetValueKind() == JsonValueKind.True) == flag;
        }

        return string.Equals(Text(actual), expected, StringComparison.Ordinal);
    }

    /// <summary>The sign of actual − expected; null when there is nothing to order (a missing value).</summary>
    private static int? Compare(JsonNode? actual, string expected)
    {
        if (actual is null)
        {
            return null;
        }

        return CompareNumbers(actual, expected) ?? Math.Sign(string.CompareOrdinal(Text(actual), expected));
    }

    private static bool Contains(JsonNode? actual, string expected) => actual switch
    {
        null => false,
        JsonArray array => array.Any(item => AreEqual(item, expected)),
        JsonObject obj => obj.ContainsKey(expected),
        _ => Text(actual).Contains(expected, StringComparison.Ordinal),
    };

    private static bool Matches(string text, string pattern, string subject)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, RegexMatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new NodeFailedException(
                $"The regular expression of {subject} took longer than {RegexMatchTimeout.TotalMilliseconds} ms on its value; simplify the pattern.");
        }
        catch (ArgumentException ex)
        {
            throw new NodeFailedException($"The regular expression '{pattern}' of {subject} is not valid: {ex.Message}");
        }
    }

    /// <summary>Both sides as numbers when both read as numbers: JSON numbers or numeric text, invariant culture.</summary>
    private static int? CompareNumbers(JsonNode? actual, string expected)
    {
        if (actual is not JsonValue v || v.GetValueKind() is not (JsonValueKind.Number or JsonValueKind.String))
        {
            return null;
        }

        var text = Text(actual);
        // decimal first so long ids ("12345678901234567890") are not rounded into equality; double for the rest.
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && double.IsFinite(y))
        {
            return x.CompareTo(y);
        }

        return null;
    }

    private static string Text(JsonNode? value) => TemplateResolver.AsText(value);
}
