namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>Where a value was redacted (<c>$.user.emails[0]</c>) and as what kind; never the value itself.</summary>
internal sealed record Redaction(string Path, RedactionKind Kind);
