namespace Zygo.Engine.Nodes.Schema;

/// <summary>One argument an AI agent passes when it calls a node as a tool.</summary>
/// <param name="Name">The argument's name, camelCase.</param>
/// <param name="Type">JSON schema type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>object</c>.</param>
/// <param name="Description">What the model should pass; the model reads it to choose the value.</param>
/// <param name="Required">The call is invalid without it.</param>
public sealed record ToolArgument(string Name, string Type, string Description, bool Required = false)
{
    /// <summary>The allowed values, when the argument picks one of an enum.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A string argument whose values are those of <typeparamref name="TEnum"/> as workflows write them.</summary>
    public static ToolArgument Choice<TEnum>(string name, string description, bool required = false) where TEnum : struct, Enum =>
        new(name, "string", description, required) { Values = JsonEnumNames.Of(typeof(TEnum)) };
}
