namespace Zygo.Web.Editor.Config;

/// <summary>Which editor a config field gets in the node configuration form.</summary>
public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text: prompts, templates, bodies.</summary>
    Prompt,

    /// <summary>Source code (the code node's <c>code</c>).</summary>
    Code,

    /// <summary>A string holding JSON text (a schema, metadata): validated as JSON, stored as the text.</summary>
    JsonText,

    /// <summary>A free-form JSON object, stored as JSON.</summary>
    JsonObject,

    /// <summary>Any JSON value, typed as text: what parses as JSON is stored as JSON, anything else as text.</summary>
    AnyValue,

    Number,
    Switch,

    /// <summary>One of a list of values.</summary>
    Choice,

    /// <summary>Several of a list of values.</summary>
    MultiChoice,

    /// <summary>A list of strings.</summary>
    TextList,

    /// <summary>A list of <c>{ key, value }</c> rows.</summary>
    KeyValueList,

    /// <summary>A list of objects, each edited with the item's fields.</summary>
    ObjectList,

    /// <summary>A nested object, shown as a collapsible section of its fields.</summary>
    Section,

    /// <summary>A secret: a saved variable or a masked value typed in.</summary>
    Credential,

    /// <summary>Conditions of a conditional or filter node.</summary>
    Conditions,

    /// <summary>The HTTP API node's authentication, whose fields follow its type.</summary>
    HttpAuthentication,

    /// <summary>The memory search node's filters.</summary>
    MemoryFilters,
}
