using System.Text.Json.Nodes;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>Config of the <c>security</c> node: schema validation, redaction of secrets and personal data, or both.</summary>
public sealed class SecurityConfig
{
    /// <summary>What the node does: <c>validate_schema</c>, <c>redact</c>, or <c>both</c> (validate first, then redact).</summary>
    public SecurityOperation Operation { get; init; } = SecurityOperation.ValidateSchema;

    /// <summary>
    /// The JSON schema (as JSON text) the data must match; required for <c>validate_schema</c> and <c>both</c>.
    /// Only references inside the schema (<c>#/definitions/…</c>) are followed: never files or URLs.
    /// </summary>
    public string Schema { get; init; } = "";

    /// <summary>The data to check, usually one reference such as <c>{{input.body}}</c>. Empty: the node's input.</summary>
    public JsonNode? Data { get; init; }

    /// <summary>When the data does not match the schema: true fails the node (listing the errors), false outputs <c>valid: false</c>.</summary>
    public bool FailOnInvalid { get; init; } = true;

    /// <summary>Which kinds of secrets and personal data to redact. Empty: every kind.</summary>
    public List<RedactionKind> RedactKinds { get; init; } = [];

    /// <summary>
    /// More field names whose values are always redacted (kind <c>secret</c>), whatever <c>redactKinds</c> says.
    /// Matched ignoring case, <c>_</c> and <c>-</c>: <c>ssn</c> also matches <c>SSN</c> and <c>s_s_n</c>.
    /// </summary>
    public List<string> RedactFields { get; init; } = [];
}

public enum SecurityOperation
{
    ValidateSchema,
    Redact,
    Both,
}
