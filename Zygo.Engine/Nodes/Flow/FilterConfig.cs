using System.Text.Json.Serialization;

namespace Zygo.Engine.Nodes.Flow;

/// <summary>Config of <c>filter</c> (the spec gives no schema): which list, which items to keep, what of them.</summary>
public sealed class FilterConfig
{
    /// <summary>
    /// The list to filter: a path (<c>input.rows</c> in the run's input, <c>nodes.Fetch.output.items</c>, or a field
    /// of this node's input such as <c>rows</c>) or <c>{{…}}</c>. Empty: this node's input when it is a list, else its
    /// <c>items</c>.
    /// </summary>
    [JsonConverter(typeof(TextValueConverter))]
    public string Items { get; init; } = "";

    /// <summary>Tests on each item; a condition's variable is a field of the item. No conditions: every item is kept.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    public FilterEvaluationMode EvaluationMode { get; init; } = FilterEvaluationMode.All;

    /// <summary>Keep at most this many items (the first that match). Empty or 0: no limit.</summary>
    public int? Limit { get; init; }

    /// <summary>
    /// Keep only these fields of each item (paths such as <c>email</c> or <c>address.city</c>; each becomes a field
    /// named as written, null when the item lacks it). Empty: whole items.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public string Description { get; init; } = "";
}

/// <summary>How a filter joins its conditions for one item (the conditions' logic gates still apply).</summary>
public enum FilterEvaluationMode
{
    /// <summary>Keep an item when every condition holds.</summary>
    All,

    /// <summary>Keep an item when at least one condition holds.</summary>
    Any,
}
