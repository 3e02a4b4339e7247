using System.Text.Json.Serialization;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>
/// One test of a value, as the spec's <c>ConditionalConfigData.conditions</c> rows (also used by <c>filter</c>).
/// </summary>
public sealed record Condition
{
    /// <summary>Names the condition; with evaluation mode <c>custom</c> it is also the output handle it fires.</summary>
    public string Id { get; init; } = "";

    /// <summary>
    /// What to test. A path in the run: <c>input.total</c> (the run's input), <c>nodes.Sum.output.total</c>,
    /// <c>vars.item.score</c>; any other name is a field of this node's input, i.e. the previous node's output
    /// (<c>status</c>, <c>result.score</c>) — for a filter, a field of each item (<c>email</c>, <c>address.city</c>;
    /// empty: the item itself). Text with <c>{{…}}</c> is used as the value it resolves to. A variable that is not
    /// found counts as empty.
    /// </summary>
    [JsonConverter(typeof(TextValueConverter))]
    public string Variable { get; init; } = "";

    public ConditionOperator Operator { get; init; } = ConditionOperator.Equals;

    /// <summary>The value to compare with (ignored by <c>is_empty</c> and <c>is_not_empty</c>); may hold <c>{{…}}</c>.</summary>
    [JsonConverter(typeof(TextValueConverter))]
    public string Value { get; init; } = "";

    /// <summary>
    /// How this condition joins the result of the conditions before it (ignored on the first one and in mode
    /// <c>custom</c>). Conditions are joined left to right with no precedence: <c>a OR b AND c</c> is
    /// <c>(a OR b) AND c</c>. Without a gate, mode <c>all</c> joins with AND and mode <c>any</c> with OR.
    /// </summary>
    public LogicGate? LogicGate { get; init; }

    /// <summary>How messages name this condition: by id, or by position when it has none.</summary>
    public string Describe(int index) => string.IsNullOrWhiteSpace(Id) ? $"condition {index + 1}" : $"condition '{Id}'";
}

/// <summary>
/// How a condition compares. Both sides are compared as numbers when both read as numbers (invariant culture,
/// <c>"10"</c> equals <c>10.0</c>); a JSON boolean against <c>true</c>/<c>false</c> as booleans; otherwise as
/// text, ordinally and case-sensitively.
/// </summary>
public enum ConditionOperator
{
    /// <summary>Same value; text comparison is case-sensitive.</summary>
    Equals,
    NotEquals,

    /// <summary>Numbers by value, anything else by ordinal text order (ISO 8601 dates in one format compare correctly). Never true for a missing value.</summary>
    GreaterThan,
    LessThan,
    Gte,
    Lte,

    /// <summary>Text: holds the value as a substring. List: has an element equal to the value. Object: has a field with that name.</summary>
    Contains,
    NotContains,
    StartsWith,
    EndsWith,

    /// <summary>Missing, null, <c>""</c>, <c>[]</c> or <c>{}</c> (text of spaces is not empty).</summary>
    IsEmpty,
    IsNotEmpty,

    /// <summary>The value is a .NET regular expression found in the text; matching is stopped after 100 ms.</summary>
    RegexMatch,
}

/// <summary>The spec writes the gates in capitals.</summary>
public enum LogicGate
{
    [JsonStringEnumMemberName("AND")]
    And,

    [JsonStringEnumMemberName("OR")]
    Or,
}
