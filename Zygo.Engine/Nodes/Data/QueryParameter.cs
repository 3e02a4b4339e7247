using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Data;

/// <summary>One named value bound to the statement as a database parameter.</summary>
public sealed record QueryParameter
{
    /// <summary>The name used in the SQL as <c>@email</c>, written with or without the <c>@</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The value; a lone template such as <c>{{input.age}}</c> keeps its JSON type.</summary>
    public JsonNode? Value { get; init; }

    /// <summary><c>auto</c> binds the value with its JSON type; the others convert it first (e.g. the text "42" as an integer).</summary>
    public QueryParameterType Type { get; init; } = QueryParameterType.Auto;
}

public enum QueryParameterType
{
    Auto,
    Text,
    Integer,
    Decimal,
    Boolean,
    DateTime,
}
