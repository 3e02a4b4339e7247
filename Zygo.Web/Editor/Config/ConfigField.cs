namespace Zygo.Web.Editor.Config;

/// <summary>One field of a node's config as the form shows it, read from the node type's JSON schema.</summary>
/// <param name="Name">The JSON property name, e.g. <c>maxTokens</c>.</param>
/// <param name="Path">Where the value sits in the config, e.g. <c>authentication.token</c>; relative to the item for list items.</param>
public sealed record ConfigField(string Name, string Path, FieldKind Kind)
{
    public string Label { get; init; } = Name;
    public string? Description { get; init; }
    public bool Required { get; init; }

    /// <summary>Null is a valid value (an empty input stores null or leaves the field out).</summary>
    public bool Nullable { get; init; }

    public NumberRange? Range { get; init; }

    /// <summary>The values of a <see cref="FieldKind.Choice"/> or <see cref="FieldKind.MultiChoice"/>, as stored.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The fields of a section, or of each item of an object list.</summary>
    public IReadOnlyList<ConfigField> Children { get; init; } = [];

    /// <summary>Sibling fields an editor shows with its own (the conditions editor shows the evaluation mode).</summary>
    public IReadOnlyList<ConfigField> Companions { get; init; } = [];

    /// <summary>The schema definition the field's type comes from (its .NET type name), e.g. <c>HttpAuthentication</c>.</summary>
    public string? Definition { get; init; }

    /// <summary>For a credential: how it finds the service its variables are for.</summary>
    public CredentialService? Service { get; init; }

    /// <summary>For a credential kept with a variable id next to it (<c>apiKey</c> + <c>apiKeyVariableId</c>): the id's path.</summary>
    public string? VariableIdPath { get; init; }

    /// <summary>Every config path this field edits; validation problems of these paths show at the field.</summary>
    public IEnumerable<string> Paths => VariableIdPath is null ? [Path] : [Path, VariableIdPath];

    /// <summary>Edits values inside its own (list items, JSON): problems of paths below it show at it.</summary>
    public bool OwnsInnerPaths => Kind is FieldKind.KeyValueList or FieldKind.ObjectList or FieldKind.Conditions
        or FieldKind.TextList or FieldKind.MultiChoice or FieldKind.JsonObject or FieldKind.AnyValue;

    /// <summary>Tells apart the inputs of list items, whose paths are the same in every item.</summary>
    public string? IdScope { get; init; }

    /// <summary>Id of the field's input element, for labels and tests.</summary>
    public string InputId => (IdScope ?? "cfg") + "-" + Path.Replace('.', '-');
}
